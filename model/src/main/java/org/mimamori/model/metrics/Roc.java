package org.mimamori.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The receiver operating characteristic: the area under it (AUC) and its points.
 *
 * <p>The AUC is the Mann–Whitney statistic: the probability that a random positive scores higher than a
 * random negative, a tie counting one half (the same as average ranks). It is computed exactly, in
 * O(n log n), and equals the trapezoidal area under {@link #curve}.
 */
public final class Roc {

    private Roc() {
    }

    /**
     * The area under the ROC curve.
     *
     * @return the AUC in [0, 1], or NaN when the labels hold only one class (or none)
     * @throws IllegalArgumentException when the lengths differ or a score is NaN
     */
    public static double auc(double[] scores, boolean[] labels) {
        DistinctScores d = DistinctScores.of(scores, labels);
        return auc(d.positives, d.negatives, d.totalPositives, d.totalNegatives);
    }

    /**
     * The AUC from counts per distinct score, ascending (scores drawn no time count nothing); NaN without both
     * classes.
     */
    static double auc(int[] positives, int[] negatives, long totalPositives, long totalNegatives) {
        if (totalPositives == 0 || totalNegatives == 0) {
            return Double.NaN;
        }
        // Twice the count of (positive, negative) pairs ordered correctly, ties counting one: exact in a long.
        long twiceWins = 0;
        long negativesBelow = 0;
        for (int k = 0; k < positives.length; k++) {
            twiceWins += (long) positives[k] * (2 * negativesBelow + negatives[k]);
            negativesBelow += negatives[k];
        }
        return twiceWins / (2.0 * totalPositives * totalNegatives);
    }

    /**
     * The ROC curve, one point per distinct score from the highest down, after a first point (0, 0) at
     * threshold {@code +Infinity}. The last point is (1, 1).
     *
     * @throws IllegalArgumentException when the lengths differ or a score is NaN
     */
    public static List<RocPoint> curve(double[] scores, boolean[] labels) {
        DistinctScores d = DistinctScores.of(scores, labels);
        List<RocPoint> points = new ArrayList<>(d.size() + 1);
        points.add(new RocPoint(Double.POSITIVE_INFINITY, Inputs.rate(0, d.totalNegatives),
                Inputs.rate(0, d.totalPositives)));
        long tp = 0;
        long fp = 0;
        for (int k = d.size() - 1; k >= 0; k--) {
            tp += d.positives[k];
            fp += d.negatives[k];
            points.add(new RocPoint(d.values[k], Inputs.rate(fp, d.totalNegatives), Inputs.rate(tp, d.totalPositives)));
        }
        return List.copyOf(points);
    }
}
