package org.mimamori.training.card;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mimamori.model.metrics.AuditedRate;
import org.mimamori.model.metrics.Disparity;
import org.mimamori.model.metrics.FairnessAudit;
import org.mimamori.model.metrics.FairnessReport;
import org.mimamori.model.metrics.GroupResult;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.schema.Role;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingReport;

/** Sections 7 and 8 of the card: the fairness audit by audit group and the screening value. */
final class FairnessSections {

    /** The mark of a disparity ratio outside the tolerance band. */
    static final String FLAG = "⚑";

    private FairnessSections() {
    }

    static void add(CardDocument card, TrainedModel model) {
        FeatureSchema schema = model.scorecard().encoder().schema();
        TrainingReport r = model.report();
        String threshold = thresholdText(model);
        fairness(card, schema, r.fairness(), threshold);
        screening(card, schema, r.unmarked(), threshold);
    }

    private static void fairness(CardDocument card, FeatureSchema schema, FairnessReport report, String threshold) {
        card.section(CardSection.FAIRNESS);
        card.paragraph("Audit groups are never model inputs: every schema item has exactly one role, and items with "
                + "the role audit_group are kept only for this audit, not even used through a derived item. Other "
                + "inputs can still carry group information, and the label's bias (section 3) can differ between "
                + "groups, so a difference here can come from the data as well as from the model.");
        card.paragraph("ja", "監査グループの項目はモデルの入力には使いません（この監査のためだけに保持します）。");
        if (report == null) {
            card.paragraph("The schema has no audit-group items, so no fairness audit was run. Add items with the "
                    + "role audit_group (for example single-parent household, public assistance, disability in the "
                    + "household) and retrain.");
            return;
        }
        card.paragraph("Holdout cases flagged at " + threshold + ". Each group is compared with its column's "
                + "reference group (the largest unless configured) by the ratio of its rate to the reference rate. "
                + FLAG + " marks a ratio outside the tolerance band " + Numbers.fixed(report.tolerance().lower(), 2)
                + "–" + Numbers.fixed(report.tolerance().upper(), 2) + ": a reason to look closer, not a verdict. "
                + "A group marked too small (fewer than " + FairnessAudit.DEFAULT_MIN_GROUP_SIZE + " cases, or fewer "
                + "than " + FairnessAudit.DEFAULT_MIN_CLASS_COUNT + " with or without a confirmed need) cannot be "
                + "judged; its flags are not evidence. " + FairnessAudit.UNKNOWN + " collects cases with the value "
                + "unrecorded.");
        Set<String> columns = new LinkedHashSet<>();
        report.groups().forEach(g -> columns.add(g.column()));
        List<String> flags = new ArrayList<>();
        for (String column : columns) {
            column(card, schema, column, report.groupsOf(column), flags);
        }
        card.subheading("Flags to look into / 確認が必要な差");
        card.bullets(flags.isEmpty() ? List.of("No disparity ratio is outside the tolerance band.") : flags);
    }

    private static void column(CardDocument card, FeatureSchema schema, String column, List<GroupResult> groups,
                               List<String> flags) {
        Item item = schema.item(column).orElse(null);
        card.subheading(column + (item == null ? "" : " — " + item.label().en() + " / " + item.label().ja()));
        List<List<String>> rates = new ArrayList<>();
        List<List<String>> ratios = new ArrayList<>();
        for (GroupResult g : groups) {
            String value = valueText(item, g.value());
            rates.add(List.of(value, Integer.toString(g.n()), Numbers.rate(g.baseRate()),
                    Numbers.rate(g.selectionRate()), Numbers.rate(g.tpr()), Numbers.rate(g.fpr()),
                    Numbers.rate(g.fnr()), Numbers.rate(g.ppv()), Numbers.rate(g.auc()), note(g)));
            List<String> row = new ArrayList<>();
            row.add(value);
            for (AuditedRate rate : AuditedRate.values()) {
                Disparity d = g.disparity(rate);
                row.add(Numbers.fixed(d.ratio(), 2) + (d.flag() ? " " + FLAG : ""));
                if (d.flag() && !g.reference()) {
                    flags.add(column + " = " + value + ": " + rate.key() + " ratio " + Numbers.fixed(d.ratio(), 2)
                            + (g.tooSmall() ? " (group too small to judge)" : ""));
                }
            }
            row.add(note(g));
            ratios.add(row);
        }
        card.table(List.of("Value", "Cases", "Base rate", "Selection rate", "TPR", "FPR", "FNR", "PPV", "AUC",
                "Note"), rates);
        if (groups.stream().allMatch(g -> g.value().equals(FairnessAudit.UNKNOWN))) {
            card.paragraph("No value of this item was recorded for the holdout cases, so groups could not be "
                    + "compared.");
            return;
        }
        List<String> header = new ArrayList<>(List.of("Value"));
        for (AuditedRate rate : AuditedRate.values()) {
            header.add(rate.key() + " ratio");
        }
        header.add("Note");
        card.table(header, ratios);
    }

    private static void screening(CardDocument card, FeatureSchema schema, TrainingReport.Unmarked u,
                                  String threshold) {
        card.section(CardSection.SCREENING_VALUE);
        List<Item> known = schema.withRole(Role.ALREADY_KNOWN);
        if (u.flagged() == 0) {
            card.paragraph("No holdout case was flagged at " + threshold + ", so the screening value could not be "
                    + "measured.");
            return;
        }
        String knownItem = known.isEmpty() ? "no already-known item in the schema"
                : known.get(0).id() + " not yes, including unknown";
        card.paragraph("Of the " + u.flagged() + " holdout cases flagged at " + threshold + ", "
                + u.notAlreadySupported() + " (" + Numbers.percent(u.share()) + ") were not already supported ("
                + knownItem + "). These are the children screening can add to what staff already know; the others "
                + "were known already.");
        card.paragraph("ja", "検証データでしきい値以上となった" + u.flagged() + "件のうち、" + u.notAlreadySupported()
                + "件（" + Numbers.percent(u.share()) + "）は既に支援中ではありませんでした。");
        if (known.isEmpty()) {
            card.paragraph("Without an already-known item every flagged case counts as not already supported, so "
                    + "this is an upper bound.");
        }
    }

    /** The flagging threshold in words, with the band it starts. */
    private static String thresholdText(TrainedModel model) {
        double t = model.report().fairnessThreshold();
        String band = model.settings().bands().bands().stream().filter(b -> b.lower() == t).map(ScoreBand::id)
                .findFirst().map(id -> " (the lower bound of band " + id + ")").orElse("");
        return "a calibrated probability of at least " + Numbers.rate(t) + band;
    }

    /** A group value for people: yes/no items show {@code 1 (yes)} and {@code 0 (no)}. */
    static String valueText(Item item, String value) {
        if (item != null && item.type() == ItemType.YES_NO) {
            if (value.equals("1")) {
                return "1 (yes)";
            }
            if (value.equals("0")) {
                return "0 (no)";
            }
        }
        return value;
    }

    private static String note(GroupResult g) {
        List<String> notes = new ArrayList<>();
        if (g.reference()) {
            notes.add("reference");
        }
        if (g.tooSmall()) {
            notes.add("too small to judge");
        }
        return String.join(", ", notes);
    }
}
