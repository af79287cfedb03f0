package org.mimamori.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision and recall over all thresholds: average precision (PR-AUC) and the curve.
 *
 * <p>Average precision is the step-wise sum {@code AP = Σ (R_k − R_{k−1}) · P_k} over the distinct
 * scores from the highest down (R_0 = 0), as scikit-learn's {@code average_precision_score}: no
 * interpolation, so it is not the optimistic trapezoidal area. Tied scores form one step.
 */
public final class PrecisionRecall {

    private PrecisionRecall() {
    }

    /**
     * Average precision.
     *
     * @return AP in [0, 1], or NaN when there are no positives
     * @throws IllegalArgumentException when the lengths differ or a score is NaN
     */
    public static double averagePrecision(double[] scores, boolean[] labels) {
        DistinctScores d = DistinctScores.of(scores, labels);
        if (d.totalPositives == 0) {
            return Double.NaN;
        }
        double weighted = 0;
        long tp = 0;
        long fp = 0;
        for (int k = d.size() - 1; k >= 0; k--) {
            tp += d.positives[k];
            fp += d.negatives[k];
            // Recall rises by positives[k] / P at this step; precision is taken at the step's end.
            weighted += d.positives[k] * ((double) tp / (tp + fp));
        }
        // Dividing once keeps a perfect ranking at exactly 1; the clamp absorbs rounding above it.
        return Math.min(1.0, weighted / d.totalPositives);
    }

    /**
     * The precision–recall curve, one point per distinct score from the highest down, after a first point
     * (recall 0, precision 1) at threshold {@code +Infinity} (scikit-learn's convention).
     *
     * @throws IllegalArgumentException when the lengths differ or a score is NaN
     */
    public static List<PrPoint> curve(double[] scores, boolean[] labels) {
        DistinctScores d = DistinctScores.of(scores, labels);
        List<PrPoint> points = new ArrayList<>(d.size() + 1);
        points.add(new PrPoint(Double.POSITIVE_INFINITY, Inputs.rate(0, d.totalPositives), 1.0));
        long tp = 0;
        long fp = 0;
        for (int k = d.size() - 1; k >= 0; k--) {
            tp += d.positives[k];
            fp += d.negatives[k];
            points.add(new PrPoint(d.values[k], Inputs.rate(tp, d.totalPositives), Inputs.rate(tp, tp + fp)));
        }
        return List.copyOf(points);
    }
}
