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
        String redFlags = schema.withRole(Role.RED_FLAG).stream().map(i -> i.label().en())
                .collect(Collectors.joining(", "));
        card.section(CardSection.LIMITATIONS);
        card.bullets(List.of(
                "Local or synthetic data: the model was trained on " + r.trainingCases() + " cases from one data "
                        + "set" + source + ". Its numbers hold for cases like these only; on synthetic data they show "
                        + "that the method works, not that the model is useful.",
                "Label bias: the label records who staff assessed and confirmed (section 3), not every child who "
                        + "needed help.",
                "Unknown and not applicable: an item can be unrecorded or unlinked (unknown) or not exist for the "
                        + "child (not applicable, e.g. school items before school age). Both are states with their "
                        + "own points, so a missing record moves the score as past missing records did; the scorer "
                        + "warns when many items are unknown. " + mostUnknown(r.itemImportance()),
                "The model cannot see what is not recorded, such as a child's own disclosure, a request for help "
                        + "or an injury seen by staff. Red-flag rules stand above any score: act on them whatever "
                        + "the score says" + (redFlags.isEmpty() ? "." : " (" + redFlags + ")."),
                "Intervals come from " + model.settings().bootstrap() + " bootstrap refits and reflect the "
                        + "uncertainty of the training data only, not label bias, recording errors or change over "
                        + "time.",
                "Drift: families, services, recording practice and rules change. Compare incoming data with the "
                        + "reference statistics in the bundle, and retrain and re-audit regularly (at least yearly "
                        + "and whenever what is recorded changes)."));
        card.bullets("ja", List.of(
                "学習データ（地域のデータまたは合成データ）と似た事例についてのみ数値が成り立ちます。",
                "ラベルは職員がアセスメントし確認した記録であり、支援が必要だったすべての子どもを表すものではありません。",
                "不明・非該当の項目も点数を持ちます。多くの項目が不明のときは警告が出ます。",
                "記録されていないこと（子ども本人の訴えなど）はモデルには見えません。レッドフラグはスコアより優先します。",
                "区間は学習データの不確かさだけを表します。",
                "状況は変化します。定期的に再学習し、公平性を再監査してください。"));
    }

    /** Which items were never recorded in training, and which others were most often unknown. */
    private static String mostUnknown(List<ItemImportance> items) {
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
        String out = never.isEmpty() ? "" : "Never recorded in the training data, so the model learned nothing "
                + "from them: " + String.join(", ", never) + ". ";
        out += often.isEmpty() ? "" : "Most often unknown otherwise: " + String.join(", ", often) + ".";
        return out.isEmpty() ? "No input item was unknown in training." : out.strip();
    }

    private static void provenance(CardDocument card, TrainedModel model) {
        card.section(CardSection.PROVENANCE);
        card.paragraph("Tribuo's record of how the model behind the scorecard was fitted: trainer and its "
                + "hyperparameters, a summary of the training data set, library and Java versions, and the time of "
                + "training. The full provenance is in provenance.json in the bundle; the training settings and "
                + "lineage are in manifest.json.");
        card.preformatted(ProvenanceUtil.formattedProvenanceString(model.tribuoModel().getProvenance()));
    }
}
