package org.mimamori.model.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A per-group audit of decisions at a threshold: for every value of every group column, the counts, the
 * rates, the AUC, and the disparity (ratio and difference) of the selection rate, TPR, FPR, FNR and PPV
 * against a reference group of the same column.
 *
 * <p>Flags mark ratios outside the tolerance band; they ask for a closer look and are not verdicts. A group
 * with fewer than {@code minGroupSize} cases, or fewer than {@code minClassCount} positives or negatives, is
 * marked too small to judge; its flags are still computed but should not be read as evidence. Empty or
 * blank group values form their own group {@value #UNKNOWN}: no row is ever dropped.
 *
 * @param threshold       cases with score &gt;= threshold are flagged
 * @param tolerance       the band of unflagged ratios
 * @param minGroupSize    groups with fewer cases are too small to judge
 * @param minClassCount   groups with fewer positives or fewer negatives are too small to judge
 * @param referenceGroups the reference value per column; a column not listed uses its largest group
 */
public record FairnessAudit(double threshold, Tolerance tolerance, int minGroupSize, int minClassCount,
        Map<String, String> referenceGroups) {

    /** The group of rows whose value is empty. */
    public static final String UNKNOWN = "(unknown)";
    /** The default minimum group size. */
    public static final int DEFAULT_MIN_GROUP_SIZE = 30;
    /** The default minimum number of positives and of negatives. */
    public static final int DEFAULT_MIN_CLASS_COUNT = 5;

    /** Checks the settings. */
    public FairnessAudit {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the threshold is NaN");
        }
        if (tolerance == null) {
            throw new IllegalArgumentException("a tolerance is required");
        }
        if (minGroupSize < 0 || minClassCount < 0) {
            throw new IllegalArgumentException("minimum sizes cannot be negative");
        }
        referenceGroups = Map.copyOf(referenceGroups);
    }

    /** An audit at a threshold with the default tolerance, minimum sizes and reference groups. */
    public static FairnessAudit at(double threshold) {
        return new FairnessAudit(threshold, Tolerance.DEFAULT, DEFAULT_MIN_GROUP_SIZE, DEFAULT_MIN_CLASS_COUNT,
                Map.of());
    }

    /** The same audit with another tolerance band. */
    public FairnessAudit withTolerance(Tolerance t) {
        return new FairnessAudit(threshold, t, minGroupSize, minClassCount, referenceGroups);
    }

    /** The same audit with another minimum group size. */
    public FairnessAudit withMinGroupSize(int size) {
        return new FairnessAudit(threshold, tolerance, size, minClassCount, referenceGroups);
    }

    /** The same audit with another minimum number of positives and of negatives. */
    public FairnessAudit withMinClassCount(int count) {
        return new FairnessAudit(threshold, tolerance, minGroupSize, count, referenceGroups);
    }

    /** The same audit with {@code value} as the reference group of {@code column}. */
    public FairnessAudit withReference(String column, String value) {
        Map<String, String> refs = new LinkedHashMap<>(referenceGroups);
        refs.put(column, normalise(value));
        return new FairnessAudit(threshold, tolerance, minGroupSize, minClassCount, refs);
    }

    /**
     * Runs the audit.
     *
     * @param scores       one score per case
     * @param labels       one outcome per case, true for positive
     * @param groupColumns per column name (in report order; use a {@link LinkedHashMap}), one value per case
     * @throws IllegalArgumentException when lengths differ, a score is NaN, no column is given, or a reference
     *                                  group names an unknown column or a value absent from its column
     */
    public FairnessReport run(double[] scores, boolean[] labels, Map<String, String[]> groupColumns) {
        Inputs.check(scores, labels);
        if (groupColumns.isEmpty()) {
            throw new IllegalArgumentException("at least one group column is needed");
        }
        for (String column : referenceGroups.keySet()) {
            if (!groupColumns.containsKey(column)) {
                throw new IllegalArgumentException("reference group for '" + column + "', which is not a group column");
            }
        }
        List<GroupResult> out = new ArrayList<>();
        for (Map.Entry<String, String[]> column : groupColumns.entrySet()) {
            out.addAll(auditColumn(column.getKey(), column.getValue(), scores, labels));
        }
        return new FairnessReport(threshold, tolerance, out);
    }

    private List<GroupResult> auditColumn(String column, String[] values, double[] scores, boolean[] labels) {
        if (values.length != scores.length) {
            throw new IllegalArgumentException("group column '" + column + "' has " + values.length
                    + " values for " + scores.length + " cases");
        }
        Map<String, List<Integer>> rowsByValue = new TreeMap<>(Comparator
                .comparing((String v) -> v.equals(UNKNOWN)).thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < values.length; i++) {
            rowsByValue.computeIfAbsent(normalise(values[i]), v -> new ArrayList<>()).add(i);
        }
        String reference = referenceGroups.containsKey(column) ? referenceGroups.get(column)
                : largestGroup(rowsByValue);
        if (!rowsByValue.containsKey(reference)) {
            throw new IllegalArgumentException("reference group " + column + "=" + reference
                    + " has no rows; values are " + rowsByValue.keySet());
        }
        Map<String, ConfusionCounts> counts = new LinkedHashMap<>();
        Map<String, Double> aucs = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> g : rowsByValue.entrySet()) {
            List<Integer> rows = g.getValue();
            double[] s = new double[rows.size()];
            boolean[] l = new boolean[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                s[k] = scores[rows.get(k)];
                l[k] = labels[rows.get(k)];
            }
            counts.put(g.getKey(), ConfusionCounts.at(s, l, threshold));
            aucs.put(g.getKey(), Roc.auc(s, l));
        }
        ConfusionCounts ref = counts.get(reference);
        List<GroupResult> out = new ArrayList<>();
        for (Map.Entry<String, ConfusionCounts> g : counts.entrySet()) {
            ConfusionCounts c = g.getValue();
            Map<String, Disparity> disparities = new LinkedHashMap<>();
            for (AuditedRate rate : AuditedRate.values()) {
                disparities.put(rate.key(), Disparity.between(c, ref, rate, tolerance));
            }
            boolean tooSmall = c.n() < minGroupSize || c.positives() < minClassCount
                    || c.negatives() < minClassCount;
            out.add(new GroupResult(column, g.getKey(), c.n(), c.tp(), c.fp(), c.tn(), c.fn(), c.baseRate(),
                    c.selectionRate(), c.tpr(), c.fpr(), c.fnr(), c.ppv(), c.npv(), aucs.get(g.getKey()),
                    g.getKey().equals(reference), tooSmall, disparities));
        }
        return out;
    }

    /** The largest known group; ties go to the first in text order; unknown only when it is all there is. */
    private static String largestGroup(Map<String, List<Integer>> rowsByValue) {
        String best = null;
        for (Map.Entry<String, List<Integer>> g : rowsByValue.entrySet()) {
            boolean eligible = !g.getKey().equals(UNKNOWN) || rowsByValue.size() == 1;
            if (eligible && (best == null || g.getValue().size() > rowsByValue.get(best).size())) {
                best = g.getKey();
            }
        }
        return best;
    }

    /** Trimmed value; null, empty or blank becomes {@value #UNKNOWN}. */
    static String normalise(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.trim();
    }
}
