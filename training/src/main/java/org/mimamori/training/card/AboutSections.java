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
        rows.add(List.of("Schema", schema.id() + " — " + schema.description().en() + " / " + schema.description().ja()));
        rows.add(List.of("Model family", BundleAssembly.MODEL_FAMILY));
        rows.add(List.of("Input items", model.scorecard().encoder().inputItems().size() + " (see section 9)"));
        rows.add(List.of("Regularisation", "C = " + Numbers.plain(r.chosenCost()) + " (inverse strength of the L2 "
                + "penalty), chosen by " + s.folds() + "-fold cross-validation on the training split as the lowest "
                + "out-of-fold log-loss"));
        rows.add(List.of("Cross-validated log-loss by C", r.crossValidationLogLoss().entrySet().stream()
                .map(e -> "C = " + Numbers.plain(Double.parseDouble(e.getKey())) + ": " + Numbers.fixed(e.getValue(), 4))
                .collect(Collectors.joining("; "))));
        rows.add(List.of("Calibration", r.calibration() + ", fitted on the out-of-fold logits of the training split"));
        rows.add(List.of("Bootstrap refits", s.bootstrap() + " refits on resampled training cases; they give each "
                + "score its uncertainty interval"));
        Object group = r.lineage().get("group_item");
        rows.add(List.of("Cases", r.trainingCases() + " for training, " + r.holdoutCases() + " held out ("
                + Numbers.percentPlain(s.holdoutShare()) + ", stratified by label"
                + (group == null ? "" : "; the cases of one " + group + " are always on the same side, in the "
                + "cross-validation folds too, and bootstrap refits resample whole groups") + ") for the evaluation"));
        rows.add(List.of("Final fit", s.refitAll()
                ? "refitted on all " + r.lineage().get("rows_final_fit") + " labelled cases after the evaluation, "
                + "with the same C; calibration and bootstrap refits too. The holdout figures (sections 5–7) were "
                + "measured on the model fitted on the training split, so they estimate this model's performance"
                : "the model evaluated on the holdout: fitted on the training split only"));
        rows.add(List.of("Binning", "up to " + s.bins().maxBins() + " quantile bins per numeric item, each with at "
                + "least " + Numbers.percentPlain(s.bins().minBinShare()) + " of recorded values and "
                + s.bins().minBinCount() + " cases; unknown and not applicable are states of their own"));
        rows.add(List.of("Score bands (lower bounds)", bandBounds(s.bands().thresholds())));
        rows.add(List.of("Scoring", Numbers.percentPlain(s.scoring().intervalLevel()) + " intervals; no number is shown "
                + "when the interval is wider than " + Numbers.plain(s.scoring().maxIntervalWidth()) + "; a warning "
                + "when more than " + Numbers.percentPlain(s.scoring().maxUnknownShare()) + " of input items are unknown"));
        rows.add(List.of("Comparison models", s.compare() ? "fitted (section 6); not part of the bundle"
                : "not fitted"));
        rows.add(List.of("Seed", Long.toString(s.seed())));
        card.table(List.of("Property", "Value"), rows);
        card.paragraph("Bundle version: the first 16 hexadecimal digits of the SHA-256 of the bundle file. A card "
                + "cannot contain the hash of the file it is part of, so read the version from the bundle's file "
                + "name (mimamori-" + schema.id() + "-<version>.zip) or compute it from the file. The same settings "
                + "are in the bundle's manifest.json.");
    }

    private static void intendedUse(CardDocument card) {
        card.section(CardSection.INTENDED_USE);
        card.paragraph("A second look for trained staff (caseworkers and their supervisors) deciding where to look "
                + "and whom to reach out to. It supports professional judgement and never replaces it: humans "
                + "always decide, and every score comes with the items that moved it.");
        card.paragraph("ja", "訓練を受けた職員が、どこに目を向け、誰に働きかけるかを考えるときの「もう一つの視点」です。"
                + "専門職の判断を支えるものであり、置き換えるものではありません。判断するのは常に人です。");
        card.subheading("Out of scope / 想定外の用途");
        card.bullets(List.of(
                "Not a risk-of-harm or \"risk of abuse\" score: the number is the share of similar past cases in "
                        + "which staff confirmed a need for support.",
                "Not for automated decisions: no action may follow from a score without a person's decision.",
                "Not for deciding on temporary protection on its own.",
                "Not for deciding families' eligibility for benefits or services.",
                "Not for use outside the municipality whose data trained it without re-validation (and a new "
                        + "fairness audit) on that municipality's data."));
        card.bullets("ja", List.of(
                "危害のリスクや「虐待のリスク」を示すスコアではありません。数値は、似た過去の事例のうち職員が支援の必要を"
                        + "確認した割合です。",
                "自動的な決定には使いません。人の判断なしにスコアから措置をとってはいけません。",
                "一時保護の要否をこのスコアだけで判断してはいけません。",
                "家庭の給付やサービスの受給資格の判断には使いません。",
                "学習に使った自治体以外では、その自治体のデータで再検証（公平性監査を含む）するまで使いません。"));
    }

    private static void target(CardDocument card, FeatureSchema schema) {
        card.section(CardSection.TARGET);
        card.paragraph("The estimated probability is the " + lowerFirst(schema.target().en()) + ".");
        card.paragraph("ja", "推定される確率は「" + schema.target().ja() + "」です。");
        Item label = schema.labelItem();
        card.paragraph("Label: " + label.id() + " — " + label.label().en() + " / " + label.label().ja()
                + (label.positive() == null ? "" : "; positive value: " + positiveText(label)) + ".");
        card.paragraph("The label is a record of past staff decisions, not of what happened to the child: a case is "
                + "positive only if staff assessed the child and confirmed a need within the period, so only "
                + "assessed children can be positive, and a child nobody assessed counts as negative whatever their "
                + "situation. Families already in contact with services (past consultations, benefits, reports) are "
                + "assessed more often, so the model learns who was looked at as well as who needed help, and it can "
                + "under-estimate the need of children nobody looked at. Read sections 5 and 7 with this in mind.");
        card.paragraph("ja", "ラベルは過去の職員の判断の記録であり、子どもに実際に起きたことの記録ではありません。"
                + "アセスメントを受けた子どもだけが陽性になり得ます。既に支援機関とつながっている家庭ほどアセスメントを"
                + "受けやすいため、モデルは支援が必要だった子どもだけでなく、目を向けられた子どもも学習します。");
    }

    private static void lineage(CardDocument card, TrainingReport report) {
        card.section(CardSection.DATA_LINEAGE);
        Map<String, Object> lineage = report.lineage();
        if (lineage.containsKey("rows_read")) {
            card.paragraph("Rows read " + lineage.get("rows_read") + " → with a known label "
                    + lineage.get("rows_with_known_label") + " → training split " + lineage.get("rows_training_split")
                    + " and holdout split " + lineage.get("rows_holdout_split") + ". Rows without a known label are "
                    + "left out of training and evaluation.");
        }
        List<List<String>> rows = new ArrayList<>();
        lineage.forEach((key, value) -> rows.add(List.of(LINEAGE_NAMES.getOrDefault(key, key), key, text(value))));
        card.table(List.of("Entry", "Key", "Value"), rows);
        card.paragraph("The bundle holds no case records: only these counts and hashes identify the data.");
    }

    private static String positiveText(Item label) {
        String text = ValueParser.toText(label.positive());
        return label.type() == ItemType.YES_NO ? (text.equals("1") ? "yes" : "no") + " (" + text + ")" : text;
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "none" : c.stream().map(String::valueOf).collect(Collectors.joining(", "));
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

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
