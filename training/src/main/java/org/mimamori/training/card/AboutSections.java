package org.mimamori.training.card;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mimamori.model.data.ValueParser;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.training.pipeline.BundleAssembly;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingReport;
import org.mimamori.training.pipeline.TrainingSettings;

/** Sections 1–4 of the card: the model, its intended use, its target and the data it was trained on. */
final class AboutSections {

    /** People's names of the lineage keys the training command writes; other keys are shown as they are. */
    private static final Map<String, String> LINEAGE_NAMES = Map.ofEntries(
            Map.entry("input_file", "Input file"),
            Map.entry("input_sha256", "SHA-256 of the input file"),
            Map.entry("schema_sha256", "SHA-256 of the schema"),
            Map.entry("columns_missing", "Schema columns missing from the input (read as unknown)"),
            Map.entry("rows_read", "Rows read"),
            Map.entry("rows_with_known_label", "Rows with a known label"),
            Map.entry("rows_training_split", "Rows in the training split"),
            Map.entry("rows_holdout_split", "Rows in the holdout split"),
            Map.entry("group_item", "Item whose groups every split keeps together"),
            Map.entry("groups_with_known_label", "Groups among the rows with a known label"),
            Map.entry("final_fit", "Rows the bundled model was fitted on"),
            Map.entry("rows_final_fit", "Rows in the final fit"),
            Map.entry("trained_at", "Training date (given when training)"));

    /** The same in Japanese. */
    private static final Map<String, String> LINEAGE_NAMES_JA = Map.ofEntries(
            Map.entry("input_file", "入力ファイル"),
            Map.entry("input_sha256", "入力ファイルのSHA-256"),
            Map.entry("schema_sha256", "スキーマのSHA-256"),
            Map.entry("columns_missing", "入力にないスキーマの列（不明として読み込み）"),
            Map.entry("rows_read", "読み込んだ行"),
            Map.entry("rows_with_known_label", "ラベルのある行"),
            Map.entry("rows_training_split", "学習データの行"),
            Map.entry("rows_holdout_split", "検証データの行"),
            Map.entry("group_item", "分割で常にまとめるグループの項目"),
            Map.entry("groups_with_known_label", "ラベルのある行のグループ数"),
            Map.entry("final_fit", "バンドルのモデルを学習した行"),
            Map.entry("rows_final_fit", "最終的な学習の行数"),
            Map.entry("trained_at", "学習日（学習時に指定）"));

    private AboutSections() {
    }

    static void add(CardDocument card, TrainedModel model) {
        FeatureSchema schema = model.scorecard().encoder().schema();
        model(card, model, schema);
        intendedUse(card);
        target(card, schema);
        lineage(card, model.report());
    }

    private static void model(CardDocument card, TrainedModel model, FeatureSchema schema) {
        TrainingSettings s = model.settings();
        TrainingReport r = model.report();
        card.section(CardSection.MODEL);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(card.t("Schema", "スキーマ"), schema.id() + " — " + card.t(schema.description())));
        rows.add(List.of(card.t("Model family", "モデルの種類"), card.t(BundleAssembly.MODEL_FAMILY,
                "スコアカード：分位点で区分した項目に対するL2正則化ロジスティック回帰")));
        rows.add(List.of(card.t("Input items", "入力項目"), model.scorecard().encoder().inputItems().size()
                + card.t(" (see section 9)", "（9章を参照）")));
        String cost = Numbers.plain(r.chosenCost());
        rows.add(List.of(card.t("Regularisation", "正則化"), card.t("C = " + cost + " (inverse strength of the L2 "
                + "penalty), chosen by " + s.folds() + "-fold cross-validation on the training split as the lowest "
                + "out-of-fold log-loss", "C = " + cost + "（L2罰則の強さの逆数）。学習データでの" + s.folds()
                + "分割交差検証で、分割外の対数損失が最も小さい値を選びました")));
        rows.add(List.of(card.t("Cross-validated log-loss by C", "Cごとの交差検証の対数損失"),
                r.crossValidationLogLoss().entrySet().stream()
                .map(e -> "C = " + Numbers.plain(Double.parseDouble(e.getKey())) + ": " + Numbers.fixed(e.getValue(), 4))
                .collect(Collectors.joining("; "))));
        rows.add(List.of(card.t("Calibration", "較正"), r.calibration() + card.t(", fitted on the out-of-fold logits "
                + "of the training split", "。学習データの分割外ロジットに当てはめました")));
        rows.add(List.of(card.t("Bootstrap refits", "ブートストラップ再学習"), s.bootstrap() + card.t(" refits on "
                + "resampled training cases; they give each score its uncertainty interval", "回。学習事例を再標本化して"
                + "学習し直したもので、各スコアの不確かさの区間を与えます")));
        Object group = r.lineage().get("group_item");
        String share = Numbers.percentPlain(s.holdoutShare());
        rows.add(List.of(card.t("Cases", "事例"), card.t(r.trainingCases() + " for training, " + r.holdoutCases()
                + " held out (" + share + ", stratified by label"
                + (group == null ? "" : "; the cases of one " + group + " are always on the same side, in the "
                + "cross-validation folds too, and bootstrap refits resample whole groups") + ") for the evaluation",
                "学習に" + r.trainingCases() + "件、評価のために" + r.holdoutCases() + "件を取り分け（" + share
                + "、ラベルで層化" + (group == null ? "" : "。同じ" + group + "の事例は交差検証の分割でも常に同じ側に置き、"
                + "ブートストラップ再学習はグループごと再標本化") + "）")));
        Object finalRows = r.lineage().get("rows_final_fit");
        rows.add(List.of(card.t("Final fit", "最終的な学習"), s.refitAll()
                ? card.t("refitted on all " + finalRows + " labelled cases after the evaluation, with the same C; "
                + "calibration and bootstrap refits too. The holdout figures (sections 5–7) were measured on the model "
                + "fitted on the training split, so they estimate this model's performance",
                "評価の後、同じCでラベルのある全" + finalRows + "件に学習し直しました（較正とブートストラップ再学習も）。"
                + "5〜7章の検証データの数値は学習データで学習したモデルで測ったもので、このモデルの性能の推定です")
                : card.t("the model evaluated on the holdout: fitted on the training split only",
                "検証データで評価したモデルそのもの（学習データだけで学習）")));
        String minShare = Numbers.percentPlain(s.bins().minBinShare());
        rows.add(List.of(card.t("Binning", "区分"), card.t("up to " + s.bins().maxBins() + " quantile bins per numeric "
                + "item, each with at least " + minShare + " of recorded values and " + s.bins().minBinCount()
                + " cases; unknown and not applicable are states of their own", "数値項目ごとに最大" + s.bins().maxBins()
                + "個の分位点区分（各区分に記録値の" + minShare + "以上かつ" + s.bins().minBinCount()
                + "件以上）。不明と非該当はそれぞれ独自の状態です")));
        rows.add(List.of(card.t("Score bands (lower bounds)", "スコア帯（下限）"), bandBounds(s.bands().thresholds())));
        String level = Numbers.percentPlain(s.scoring().intervalLevel());
        String width = Numbers.plain(s.scoring().maxIntervalWidth());
        String unknown = Numbers.percentPlain(s.scoring().maxUnknownShare());
        rows.add(List.of(card.t("Scoring", "スコアの示し方"), card.t(level + " intervals; no number is shown when the "
                + "interval is wider than " + width + "; a warning when more than " + unknown
                + " of input items are unknown", level + "区間。区間の幅が" + width + "を超えると数値は示しません。"
                + "入力項目の" + unknown + "を超えて不明のときは警告します")));
        String most = Integer.toString(s.compareRows());
        rows.add(List.of(card.t("Comparison models", "比較モデル"), s.compare()
                ? card.t("fitted (section 6) on at most " + most + " training cases (a random subsample above that); "
                + "not part of the bundle", "学習済み（6章）。学習データは最大" + most + "件（超えるときは無作為抽出）。"
                + "バンドルには含みません")
                : card.t("not fitted", "学習していません")));
        rows.add(List.of(card.t("Seed", "乱数シード"), Long.toString(s.seed())));
        card.table(List.of(card.t("Property", "項目"), card.t("Value", "値")), rows);
        card.paragraph(card.t("Bundle version: the first 16 hexadecimal digits of the SHA-256 of the bundle file. A "
                + "card cannot contain the hash of the file it is part of, so read the version from the bundle's file "
                + "name (mimamori-" + schema.id() + "-<version>.zip) or compute it from the file. The same settings "
                + "are in the bundle's manifest.json.", "バンドルのバージョンは、バンドルファイルのSHA-256の先頭16桁（16進）です。"
                + "カードは自分を含むファイルのハッシュを持てないため、バンドルのファイル名（mimamori-" + schema.id()
                + "-<version>.zip）から読むか、ファイルから計算してください。同じ設定はバンドルのmanifest.jsonにもあります。"));
    }

    private static void intendedUse(CardDocument card) {
        CardTemplate t = card.template();
        card.section(CardSection.INTENDED_USE);
        card.paragraph(card.t(t.intendedUse()));
        card.subheading(card.t("Out of scope", "想定外の用途"));
        card.bullets(t.outOfScope().stream().map(card::t).toList());
    }

    private static void target(CardDocument card, FeatureSchema schema) {
        card.section(CardSection.TARGET);
        card.paragraph(card.t("The estimated probability is the " + CardTemplate.lowerFirst(schema.target().en()) + ".",
                "推定される確率は「" + schema.target().ja() + "」です。"));
        Item label = schema.labelItem();
        card.paragraph(card.t("Label: ", "ラベル：") + label.id() + " — " + card.t(label.label())
                + (label.positive() == null ? "" : card.t("; positive value: ", "。陽性の値：") + positiveText(label))
                + card.t(" (" + card.template().positive().en() + ").", "（" + card.template().positive().ja() + "）。"));
        card.paragraph(card.t(card.template().labelNote()));
    }

    private static void lineage(CardDocument card, TrainingReport report) {
        card.section(CardSection.DATA_LINEAGE);
        Map<String, Object> lineage = report.lineage();
        if (lineage.containsKey("rows_read")) {
            card.paragraph(card.t("Rows read " + lineage.get("rows_read") + " → with a known label "
                    + lineage.get("rows_with_known_label") + " → training split " + lineage.get("rows_training_split")
                    + " and holdout split " + lineage.get("rows_holdout_split") + ". Rows without a known label are "
                    + "left out of training and evaluation.", "読み込んだ行 " + lineage.get("rows_read")
                    + " → ラベルのある行 " + lineage.get("rows_with_known_label") + " → 学習データ "
                    + lineage.get("rows_training_split") + "、検証データ " + lineage.get("rows_holdout_split")
                    + "。ラベルのない行は学習にも評価にも使いません。"));
        }
        List<List<String>> rows = new ArrayList<>();
        lineage.forEach((key, value) -> rows.add(List.of(card.lang().equals("ja")
                ? LINEAGE_NAMES_JA.getOrDefault(key, key) : LINEAGE_NAMES.getOrDefault(key, key), key,
                text(value, card))));
        card.table(List.of(card.t("Entry", "内容"), card.t("Key", "キー"), card.t("Value", "値")), rows);
        card.paragraph(card.t("The bundle holds no case records: only these counts and hashes identify the data.",
                "バンドルは事例の記録を一切含みません。データを特定するのはこれらの件数とハッシュだけです。"));
    }

    private static String positiveText(Item label) {
        String text = ValueParser.toText(label.positive());
        return label.type() == ItemType.YES_NO ? (text.equals("1") ? "yes" : "no") + " (" + text + ")" : text;
    }

    private static String text(Object value, CardDocument card) {
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? card.t("none", "なし") : c.stream().map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (value instanceof Double d) {
            return Numbers.plain(d);
        }
        return String.valueOf(value);
    }

    private static String bandBounds(double[] thresholds) {
        List<String> out = new ArrayList<>();
        for (double t : thresholds) {
            out.add(Numbers.percentPlain(t));
        }
        return String.join(", ", out);
    }

}
