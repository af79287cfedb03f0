package org.mimamori.model.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The audit of one group: the cases whose value in {@code column} is {@code value}. Rates are those of
 * flagging at the audit's threshold, NaN when undefined (see {@link ConfusionCounts}).
 *
 * @param column        the group column
 * @param value         the group value; {@value FairnessAudit#UNKNOWN} for empty cells
 * @param n             cases in the group
 * @param tp            flagged positives
 * @param fp            flagged negatives
 * @param tn            unflagged negatives
 * @param fn            unflagged positives
 * @param baseRate      share of positives
 * @param selectionRate share flagged
 * @param tpr           true-positive rate
 * @param fpr           false-positive rate
 * @param fnr           false-negative rate
 * @param ppv           positive predictive value
 * @param npv           negative predictive value
 * @param auc           AUC inside the group; NaN when it holds one class only
 * @param reference     whether this is the column's reference group
 * @param tooSmall      whether the group is too small to judge (too few cases, positives or negatives)
 * @param disparities   per {@link AuditedRate#key()}, the comparison with the reference group
 */
@JsonPropertyOrder({"column", "value", "n", "tp", "fp", "tn", "fn", "base_rate", "selection_rate", "tpr", "fpr",
    "fnr", "ppv", "npv", "auc", "reference", "too_small", "disparities"})
public record GroupResult(String column, String value, int n, int tp, int fp, int tn, int fn, double baseRate,
        double selectionRate, double tpr, double fpr, double fnr, double ppv, double npv, double auc,
        boolean reference, boolean tooSmall, Map<String, Disparity> disparities) {

    /** Copies the disparities, keeping their order. */
    public GroupResult {
        disparities = Collections.unmodifiableMap(new LinkedHashMap<>(disparities));
    }

    /** The disparity for one rate. */
    public Disparity disparity(AuditedRate rate) {
        return disparities.get(rate.key());
    }

    /** Whether any disparity is flagged. */
    public boolean flagged() {
        return disparities.values().stream().anyMatch(Disparity::flag);
    }
}
