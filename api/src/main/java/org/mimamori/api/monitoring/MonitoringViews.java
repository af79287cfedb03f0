package org.mimamori.api.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mimamori.api.web.dto.AucOutcome;
import org.mimamori.api.web.dto.BandOutcome;
import org.mimamori.api.web.dto.GroupOutcome;
import org.mimamori.api.web.dto.LocalizedCaveat;
import org.mimamori.api.web.dto.OutcomeMonitoring;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.metrics.Disparity;
import org.mimamori.model.monitoring.OutcomeMonitor;
import org.mimamori.model.monitoring.OutcomeReport;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;

/** The contract's view of an outcome monitoring report, labels and texts in the reader's language. */
final class MonitoringViews {

    private MonitoringViews() {
    }

    static OutcomeMonitoring view(OutcomeMonitoringService.Monitored m, Locale locale) {
        boolean ja = ja(locale);
        OutcomeReport r = m.report();
        ModelBundle bundle = m.bundle();
        List<BandOutcome> bands = new ArrayList<>();
        for (org.mimamori.model.monitoring.BandOutcome b : r.bands()) {
            BandOutcome v = new BandOutcome(b.band(), bundle.bands().byId(b.band()).orElseThrow().meaning()
                    .in(locale), b.scored(), b.assessed(), b.suppressed(), b.outsideInterval());
            if (!b.suppressed()) {
                v.needConfirmed(b.needConfirmed()).meanPredicted(b.meanPredicted()).observedRate(b.observedRate())
                        .lower(b.lower()).upper(b.upper());
            }
            bands.add(v);
        }
        org.mimamori.model.monitoring.AucOutcome a = r.auc();
        AucOutcome auc = new AucOutcome(a.assessed(), a.suppressed());
        if (!a.suppressed()) {
            auc.positives(a.positives()).negatives(a.negatives()).estimate(a.interval().estimate())
                    .lower(finite(a.interval().lower())).upper(finite(a.interval().upper()))
                    .resamples(a.interval().resamples());
        }
        List<GroupOutcome> groups = new ArrayList<>();
        for (org.mimamori.model.monitoring.GroupOutcome g : r.groups()) {
            groups.add(group(g, bundle.schema(), locale));
        }
        return new OutcomeMonitoring(bundle.version(), bundle.schema().id(), ja ? "ja" : "en", r.scored(),
                r.assessed(), r.decided(), r.minGroupSize(), OutcomeReport.SELECTION_BIAS.in(locale),
                new LocalizedCaveat(OutcomeReport.SELECTION_BIAS.ja(), OutcomeReport.SELECTION_BIAS.en()),
                suppression(r.minGroupSize(), ja), bands, auc, groups).from(m.from()).to(m.to());
    }

    private static GroupOutcome group(org.mimamori.model.monitoring.GroupOutcome g, FeatureSchema schema,
                                      Locale locale) {
        Item item = schema.item(g.column()).orElseThrow();
        GroupOutcome v = new GroupOutcome(g.column(), item.label(locale), g.value(), valueLabel(item, g.value(),
                locale), g.reference(), g.suppressed(), g.decisionsSuppressed());
        if (g.suppressed()) {
            return v;
        }
        v.scored(g.scored()).flaggedShare(g.flaggedShare()).flaggedRatio(ratio(g.flaggedDisparity()));
        if (!g.decisionsSuppressed()) {
            v.decided(g.decided()).outreachShare(g.outreachShare()).overrideRate(g.overrideRate())
                    .outreachRatio(ratio(g.outreachDisparity()));
        }
        return v.disparity(flag(g.flaggedDisparity()) || flag(g.outreachDisparity()));
    }

    private static String valueLabel(Item item, String value, Locale locale) {
        boolean ja = ja(locale);
        if (value.equals(OutcomeMonitor.UNKNOWN)) {
            return ja ? "不明（記録なし）" : "unknown (not recorded)";
        }
        if (item.type() == ItemType.YES_NO) {
            return value.equals("yes") ? (ja ? "はい" : "yes") : value.equals("no") ? (ja ? "いいえ" : "no") : value;
        }
        return item.type() == ItemType.CATEGORICAL ? item.categoryText(value).in(locale) : value;
    }

    private static String suppression(int minGroupSize, boolean ja) {
        return ja ? "対象が " + minGroupSize + " 件未満の数値は表示しません（個人の特定を防ぎ、偶然のばらつきを数値と"
                + "取り違えないため）。区分の実績率はアセスメント済みが、AUC はアセスメント済みと各結果（必要性あり・なし）が "
                + minGroupSize + " 件（各結果は 5 件）以上、グループの数値はスコアが、判断の数値は判断済みが "
                + minGroupSize + " 件以上のときに表示します。"
                : "Figures about fewer than " + minGroupSize + " are not shown (so that no child can be singled out, "
                + "and so that chance is not read as a finding): a band's observed rate needs " + minGroupSize
                + " assessed scores; the AUC " + minGroupSize + " assessed and 5 each with and without a confirmed "
                + "need; a group's figures " + minGroupSize + " scores, and its decision figures " + minGroupSize
                + " decided scores.";
    }

    private static Double ratio(Disparity d) {
        return d == null ? null : finite(d.ratio());
    }

    private static boolean flag(Disparity d) {
        return d != null && d.flag();
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    static boolean ja(Locale locale) {
        return locale != null && locale.getLanguage().equals("ja");
    }
}
