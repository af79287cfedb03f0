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
        String threshold = thresholdText(model, card);
        fairness(card, schema, r.fairness(), threshold);
        screening(card, schema, r.unmarked(), threshold);
    }

    private static void fairness(CardDocument card, FeatureSchema schema, FairnessReport report, String threshold) {
        card.section(CardSection.FAIRNESS);
        card.paragraph(card.t("Audit groups are never model inputs: every schema item has exactly one role, and items "
                + "with the role audit_group are kept only for this audit, not even used through a derived item. Other "
                + "inputs can still carry group information, and the label's bias (section 3) can differ between "
                + "groups, so a difference here can come from the data as well as from the model.",
                "監査グループはモデルの入力には決して使いません。スキーマの項目はそれぞれ一つの役割だけを持ち、役割audit_groupの項目は"
                + "この監査のためだけに保持し、派生項目を通しても使いません。ただし他の入力がグループの情報を含むことはあり、"
                + "ラベルの偏り（3章）もグループによって異なり得るため、ここでの差はモデルだけでなくデータから来ることもあります。"));
        if (report == null) {
            card.paragraph(card.t("The schema has no audit-group items, so no fairness audit was run. Add items with "
                    + "the role audit_group and retrain.", "スキーマに監査グループの項目がないため、公平性の監査は行っていません。"
                    + "役割audit_groupの項目を加えて学習し直してください。"));
            return;
        }
        String tolerance = Numbers.fixed(report.tolerance().lower(), 2) + "–" + Numbers.fixed(report.tolerance().upper(), 2);
        String pos = card.t(card.template().positive());
        card.paragraph(card.t("Holdout cases flagged at " + threshold + ". Each group is compared with its column's "
                + "reference group (the largest unless configured) by the ratio of its rate to the reference rate. "
                + FLAG + " marks a ratio outside the tolerance band " + tolerance + ": a reason to look closer, not a "
                + "verdict. A group marked too small (fewer than " + FairnessAudit.DEFAULT_MIN_GROUP_SIZE + " cases, or "
                + "fewer than " + FairnessAudit.DEFAULT_MIN_CLASS_COUNT + " with or without the outcome " + pos + ") "
                + "cannot be judged; its flags are not evidence. " + FairnessAudit.UNKNOWN + " collects cases with the "
                + "value unrecorded.", "検証データで" + threshold + "の事例を対象とします。各グループは、その列の基準グループ"
                + "（指定がなければ最大のグループ）と、割合の比で比べます。" + FLAG + "は比が許容範囲" + tolerance
                + "の外にあることを示し、詳しく見る理由であって判定ではありません。小さすぎる（" + FairnessAudit.DEFAULT_MIN_GROUP_SIZE
                + "件未満、または「" + pos + "」かそうでない事例が" + FairnessAudit.DEFAULT_MIN_CLASS_COUNT
                + "件未満）グループは判断できず、その印は根拠になりません。" + FairnessAudit.UNKNOWN + "は値が記録されていない事例です。"));
        Set<String> columns = new LinkedHashSet<>();
        report.groups().forEach(g -> columns.add(g.column()));
        List<String> flags = new ArrayList<>();
        for (String column : columns) {
            column(card, schema, column, report.groupsOf(column), flags);
        }
        card.subheading(card.t("Flags to look into", "確認が必要な差"));
        card.bullets(flags.isEmpty() ? List.of(card.t("No disparity ratio is outside the tolerance band.",
                "許容範囲の外にある比はありません。")) : flags);
    }

    private static void column(CardDocument card, FeatureSchema schema, String column, List<GroupResult> groups,
                               List<String> flags) {
        Item item = schema.item(column).orElse(null);
        card.subheading(column + (item == null ? "" : " — " + card.t(item.label())));
        List<List<String>> rates = new ArrayList<>();
        List<List<String>> ratios = new ArrayList<>();
        for (GroupResult g : groups) {
            String value = valueText(item, g.value(), card.lang());
            rates.add(List.of(value, Integer.toString(g.n()), Numbers.rate(g.baseRate()),
                    Numbers.rate(g.selectionRate()), Numbers.rate(g.tpr()), Numbers.rate(g.fpr()),
                    Numbers.rate(g.fnr()), Numbers.rate(g.ppv()), Numbers.rate(g.auc()), note(g, card)));
            List<String> row = new ArrayList<>();
            row.add(value);
            for (AuditedRate rate : AuditedRate.values()) {
                Disparity d = g.disparity(rate);
                row.add(Numbers.fixed(d.ratio(), 2) + (d.flag() ? " " + FLAG : ""));
                if (d.flag() && !g.reference()) {
                    flags.add(column + " = " + value + ": " + rate.key() + card.t(" ratio ", " の比 ")
                            + Numbers.fixed(d.ratio(), 2) + (g.tooSmall() ? card.t(" (group too small to judge)",
                            "（グループが小さく判断できません）") : ""));
                }
            }
            row.add(note(g, card));
            ratios.add(row);
        }
        card.table(List.of(card.t("Value", "値"), card.t("Cases", "件数"), card.t("Base rate", "基準率"),
                card.t("Selection rate", "選択率"), "TPR", "FPR", "FNR", "PPV", "AUC", card.t("Note", "注記")), rates);
        if (groups.stream().allMatch(g -> g.value().equals(FairnessAudit.UNKNOWN))) {
            card.paragraph(card.t("No value of this item was recorded for the holdout cases, so groups could not be "
                    + "compared.", "検証データの事例でこの項目の値が記録されていないため、グループを比べられませんでした。"));
            return;
        }
        List<String> header = new ArrayList<>(List.of(card.t("Value", "値")));
        for (AuditedRate rate : AuditedRate.values()) {
            header.add(rate.key() + card.t(" ratio", " の比"));
        }
        header.add(card.t("Note", "注記"));
        card.table(header, ratios);
    }

    private static void screening(CardDocument card, FeatureSchema schema, TrainingReport.Unmarked u,
                                  String threshold) {
        card.section(CardSection.SCREENING_VALUE);
        List<Item> known = schema.withRole(Role.ALREADY_KNOWN);
        if (u.flagged() == 0) {
            card.paragraph(card.t("No holdout case was flagged at " + threshold + ", so the screening value could not "
                    + "be measured.", "検証データで" + threshold + "となった事例がないため、スクリーニングの価値は測れませんでした。"));
            return;
        }
        String knownItem = known.isEmpty() ? card.t("no already-known item in the schema", "スキーマに既知の項目なし")
                : known.get(0).id() + card.t(" not yes, including unknown", "がyes以外（不明を含む）");
        String share = Numbers.percent(u.share());
        card.paragraph(card.t("Of the " + u.flagged() + " holdout cases flagged at " + threshold + ", "
                + u.notAlreadySupported() + " (" + share + ") were not already supported (" + knownItem + "). ",
                "検証データで" + threshold + "となった" + u.flagged() + "件のうち、" + u.notAlreadySupported() + "件（" + share
                + "）は既に対応中ではありませんでした（" + knownItem + "）。") + card.t(card.template().screeningNote()));
        if (known.isEmpty()) {
            card.paragraph(card.t("Without an already-known item every flagged case counts as not already supported, "
                    + "so this is an upper bound.", "既知の項目がないため、対象となった事例はすべて未対応として数えており、これは上限です。"));
        }
    }

    /** The flagging threshold in words, with the band it starts. */
    private static String thresholdText(TrainedModel model, CardDocument card) {
        double t = model.report().fairnessThreshold();
        String band = model.settings().bands().bands().stream().filter(b -> b.lower() == t).map(ScoreBand::id)
                .findFirst().map(id -> card.t(" (the lower bound of band " + id + ")", "（スコア帯" + id + "の下限）"))
                .orElse("");
        return card.t("a calibrated probability of at least " + Numbers.rate(t) + band,
                "較正後の確率が" + Numbers.rate(t) + band + "以上");
    }

    /** A group value for people: yes/no items show {@code 1 (yes)} and {@code 0 (no)}. */
    static String valueText(Item item, String value, String lang) {
        if (item != null && item.type() == ItemType.YES_NO) {
            if (value.equals("1")) {
                return lang.equals("ja") ? "1（はい）" : "1 (yes)";
            }
            if (value.equals("0")) {
                return lang.equals("ja") ? "0（いいえ）" : "0 (no)";
            }
        }
        return value;
    }

    private static String note(GroupResult g, CardDocument card) {
        List<String> notes = new ArrayList<>();
        if (g.reference()) {
            notes.add(card.t("reference", "基準"));
        }
        if (g.tooSmall()) {
            notes.add(card.t("too small to judge", "小さく判断できません"));
        }
        return String.join(card.t(", ", "、"), notes);
    }
}
