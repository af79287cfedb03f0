package org.mimamori.training.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mimamori.model.metrics.AuditedRate;
import org.mimamori.model.metrics.Disparity;
import org.mimamori.model.metrics.FairnessAudit;
import org.mimamori.model.metrics.FairnessReport;
import org.mimamori.model.metrics.GroupResult;

/** Prints a fairness report as plain-text tables: per group column, the rates, then the disparities. */
final class AuditTable {

    private AuditTable() {
    }

    /** Prints the report; {@code source} and {@code rows} describe the input for the heading. */
    static void print(FairnessReport report, FairnessAudit audit, String source, int rows, PrintWriter out) {
        out.printf(Locale.ROOT, "Fairness audit of %s: %d rows, flagged when score >= %s%n", source, rows,
                number(report.threshold()));
        out.printf(Locale.ROOT, "Disparity ratios outside %s to %s are marked '!': a reason to look closer, "
                + "not a verdict.%n", number(report.tolerance().lower()), number(report.tolerance().upper()));
        out.printf(Locale.ROOT, "Groups with fewer than %d rows, or fewer than %d positives or negatives, are too "
                + "small to judge. '-' = undefined.%n", audit.minGroupSize(), audit.minClassCount());
        Set<String> columns = new LinkedHashSet<>();
        report.groups().forEach(g -> columns.add(g.column()));
        for (String column : columns) {
            List<GroupResult> groups = report.groupsOf(column);
            String reference = groups.stream().filter(GroupResult::reference).findFirst().orElseThrow().value();
            int width = Math.max(9, groups.stream().mapToInt(g -> g.value().length()).max().orElse(0));
            String valueFormat = "%-" + width + "s";
            out.printf(Locale.ROOT, "%n== %s (reference: %s) ==%n", column, reference);
            out.printf(Locale.ROOT, valueFormat + " %6s %5s %5s %5s %5s %6s %6s %6s %6s %6s %6s %6s %6s  %s%n",
                    "value", "n", "TP", "FP", "TN", "FN", "base", "select", "TPR", "FPR", "FNR", "PPV", "NPV", "AUC",
                    "note");
            for (GroupResult g : groups) {
                out.printf(Locale.ROOT, valueFormat + " %6d %5d %5d %5d %5d %6s %6s %6s %6s %6s %6s %6s %6s  %s%n",
                        g.value(), g.n(), g.tp(), g.fp(), g.tn(), g.fn(), rate(g.baseRate()), rate(g.selectionRate()),
                        rate(g.tpr()), rate(g.fpr()), rate(g.fnr()), rate(g.ppv()), rate(g.npv()), rate(g.auc()),
                        note(g));
            }
            out.printf(Locale.ROOT, "%nDisparity versus %s: ratio (difference)%n", reference);
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, valueFormat, "value"));
            for (AuditedRate r : AuditedRate.values()) {
                header.append(String.format(Locale.ROOT, " %-17s", r.key()));
            }
            out.println(header.toString().stripTrailing());
            for (GroupResult g : groups) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, valueFormat, g.value()));
                for (AuditedRate r : AuditedRate.values()) {
                    line.append(String.format(Locale.ROOT, " %-17s", disparity(g.disparity(r))));
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.flush();
    }

    private static String note(GroupResult g) {
        List<String> notes = new ArrayList<>();
        if (g.reference()) {
            notes.add("reference");
        }
        if (g.tooSmall()) {
            notes.add("too small to judge");
        }
        if (g.flagged()) {
            notes.add("flagged");
        }
        return String.join(", ", notes);
    }

    private static String disparity(Disparity d) {
        String ratio = Double.isNaN(d.ratio()) ? "-" : Double.isInfinite(d.ratio()) ? "inf"
                : String.format(Locale.ROOT, "%.2f", d.ratio());
        String difference = Double.isNaN(d.difference()) ? "-" : String.format(Locale.ROOT, "%+.3f", d.difference());
        return ratio + (d.flag() ? "!" : "") + " (" + difference + ")";
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String number(double v) {
        return Double.toString(v);
    }
}
