package org.mimamori.training.card;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Role;
import org.mimamori.training.pipeline.ItemImportance;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingReport;

/** Sections 10 and 11 of the card: limitations and provenance. */
final class CaveatSections {

    private static final int MOST_UNKNOWN = 5;

    private CaveatSections() {
    }

    static void add(CardDocument card, TrainedModel model) {
        limitations(card, model);
        provenance(card, model);
    }

    private static void limitations(CardDocument card, TrainedModel model) {
        FeatureSchema schema = model.scorecard().encoder().schema();
        TrainingReport r = model.report();
        Map<String, Object> lineage = r.lineage();
        String source = lineage.containsKey("input_file") ? " (" + lineage.get("input_file") + ")" : "";
        String redFlags = schema.withRole(Role.RED_FLAG).stream().map(i -> card.t(i.label()))
                .collect(Collectors.joining(card.t(", ", "、")));
        card.section(CardSection.LIMITATIONS);
        CardTemplate t = card.template();
        List<String> bullets = new ArrayList<>();
        bullets.add(card.t("Local or synthetic data: the model was trained on " + r.trainingCases() + " cases from one "
                + "data set" + source + ". Its numbers hold for cases like these only; on synthetic data they show that "
                + "the method works, not that the model is useful.", "地域のデータまたは合成データ：モデルは一つのデータセット"
                + source + "の" + r.trainingCases() + "件で学習しました。数値はこれと似た事例についてのみ成り立ちます。合成データでは、"
                + "手法が機能することを示すだけで、モデルが役に立つことは示しません。"));
        bullets.add(card.t("Unknown and not applicable: an item can be unrecorded or unlinked (unknown) or not exist "
                + "for the case (not applicable, " + t.notApplicableExample().en() + "). Both are states with their own "
                + "points, so a missing record moves the score as past missing records did; the scorer warns when many "
                + "items are unknown. ", "不明と非該当：項目は記録・連携されていない（不明）ことも、その事例には存在しない（非該当、"
                + t.notApplicableExample().ja() + "）こともあります。どちらも独自の点数を持つ状態なので、記録がないことは過去の記録の"
                + "ない事例と同じようにスコアを動かします。多くの項目が不明のときは警告が出ます。") + mostUnknown(r.itemImportance(), card));
        bullets.add(card.t(t.cannotSee()) + card.t(" Red-flag rules stand above any score: act on them whatever the "
                + "score says", "レッドフラグの規則はどのスコアよりも優先します。スコアにかかわらず対応してください")
                + (redFlags.isEmpty() ? card.t(".", "。") : card.t(" (" + redFlags + ").", "（" + redFlags + "）。")));
        bullets.add(card.t("Intervals come from " + model.settings().bootstrap() + " bootstrap refits and reflect the "
                + "uncertainty of the training data only, not label bias, recording errors or change over time.",
                "区間は" + model.settings().bootstrap() + "回のブートストラップ再学習によるもので、学習データの不確かさだけを表し、"
                + "ラベルの偏り、記録の誤り、時間による変化は表しません。"));
        t.limitations().forEach(l -> bullets.add(card.t(l)));
        card.bullets(bullets);
    }

    /** Which items were never recorded in training, and which others were most often unknown. */
    private static String mostUnknown(List<ItemImportance> items, CardDocument card) {
        List<String> never = new ArrayList<>();
        List<String> often = new ArrayList<>();
        items.stream()
                .map(i -> Map.entry(i.item(), i.states().stream().filter(s -> s.state().equals("unknown"))
                        .mapToDouble(ItemImportance.StatePoints::share).sum()))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    if (e.getValue() >= 1) {
                        never.add(e.getKey());
                    } else if (often.size() < MOST_UNKNOWN) {
                        often.add(e.getKey() + " " + Numbers.percent(e.getValue()));
                    }
                });
        String out = never.isEmpty() ? "" : card.t("Never recorded in the training data, so the model learned nothing "
                + "from them: " + String.join(", ", never) + ". ", "学習データで一度も記録されておらず、モデルが何も学んでいない項目："
                + String.join("、", never) + "。");
        out += often.isEmpty() ? "" : card.t("Most often unknown otherwise: " + String.join(", ", often) + ".",
                "ほかに不明が多い項目：" + String.join("、", often) + "。");
        return out.isEmpty() ? card.t("No input item was unknown in training.", "学習で不明だった入力項目はありません。")
                : out.strip();
    }

    private static void provenance(CardDocument card, TrainedModel model) {
        card.section(CardSection.PROVENANCE);
        card.paragraph(card.t("Tribuo's record of how the model behind the scorecard was fitted: trainer and its "
                + "hyperparameters, a summary of the training data set and library versions (clock times, host and "
                + "Java details are left out so that the same training gives the same bytes). The full provenance is "
                + "in provenance.json in the bundle; the training settings and lineage are in manifest.json.",
                "スコアカードの元になったモデルをどう学習したかのTribuoによる記録：学習器とそのハイパーパラメータ、学習データの要約、"
                + "ライブラリのバージョン（同じ学習が同じバイト列になるよう、時刻、ホスト、Javaの詳細は除いています）。完全な来歴は"
                + "バンドルのprovenance.json、学習の設定と来歴はmanifest.jsonにあります。"));
        card.preformatted(ProvenanceUtil.formattedProvenanceString(model.tribuoModel().getProvenance()));
    }
}
