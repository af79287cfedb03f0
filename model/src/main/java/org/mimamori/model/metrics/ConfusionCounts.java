package org.mimamori.model.metrics;

/**
 * The four counts when every case whose score is at least a threshold is flagged, and the rates derived
 * from them. A rate whose denominator is zero is NaN ("undefined"), never 0: for example the PPV when
 * nothing is flagged, or the TPR of a group without positives.
 *
 * @param tp flagged positives (true positives)
 * @param fp flagged negatives (false positives)
 * @param tn unflagged negatives (true negatives)
 * @param fn unflagged positives (false negatives)
 */
public record ConfusionCounts(int tp, int fp, int tn, int fn) {

    /** Checks that no count is negative. */
    public ConfusionCounts {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /**
     * Counts the cases flagged at {@code threshold}: flagged when {@code score >= threshold}.
     *
     * @throws IllegalArgumentException when the threshold is NaN, the lengths differ or a score is NaN
     */
    public static ConfusionCounts at(double[] scores, boolean[] labels, double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the threshold is NaN");
        }
        Inputs.check(scores, labels);
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (labels[i]) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    /** All cases. */
    public int n() {
        return tp + fp + tn + fn;
    }

    /** Positive cases, TP + FN. */
    public int positives() {
        return tp + fn;
    }

    /** Negative cases, FP + TN. */
    public int negatives() {
        return fp + tn;
    }

    /** Flagged cases, TP + FP. */
    public int flagged() {
        return tp + fp;
    }

    /** The share of positives, (TP + FN) / n; NaN for no cases. */
    public double baseRate() {
        return Inputs.rate(positives(), n());
    }

    /** The share flagged, (TP + FP) / n; NaN for no cases. */
    public double selectionRate() {
        return Inputs.rate(flagged(), n());
    }

    /** True-positive rate (sensitivity, recall), TP / (TP + FN); NaN without positives. */
    public double tpr() {
        return Inputs.rate(tp, positives());
    }

    /** False-positive rate, FP / (FP + TN); NaN without negatives. */
    public double fpr() {
        return Inputs.rate(fp, negatives());
    }

    /** False-negative rate (miss rate), FN / (TP + FN); NaN without positives. */
    public double fnr() {
        return Inputs.rate(fn, positives());
    }

    /** True-negative rate (specificity), TN / (FP + TN); NaN without negatives. */
    public double tnr() {
        return Inputs.rate(tn, negatives());
    }

    /** Positive predictive value (precision), TP / (TP + FP); NaN when nothing is flagged. */
    public double ppv() {
        return Inputs.rate(tp, flagged());
    }

    /** Negative predictive value, TN / (TN + FN); NaN when everything is flagged. */
    public double npv() {
        return Inputs.rate(tn, tn + fn);
    }
}
