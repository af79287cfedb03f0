package org.mimamori.model.metrics;

import java.util.List;

/**
 * How well calibrated probabilities match labels on one data set: discrimination with a bootstrap interval,
 * calibration, and what flagging at each band would mean. The same object is printed by
 * {@code evaluate --json}, stored in bundles and shown in the model card.
 *
 * @param n           labelled cases
 * @param positives   positive cases
 * @param auc         ROC AUC
 * @param aucCi       its bootstrap 95% interval [lower, upper]
 * @param prAuc       average precision
 * @param brier       Brier score
 * @param ece         expected calibration error (equal-mass deciles)
 * @param calibration observed vs predicted per decile
 * @param bands       per band: selection rate, TPR, FPR, PPV, NPV when flagging from that band up
 * @param roc         the ROC curve
 * @param pr          the precision-recall curve
 */
public record Evaluation(int n, int positives, double auc, double[] aucCi,
                         double prAuc, double brier, double ece,
                         CalibrationTable calibration, List<BandStats> bands, List<RocPoint> roc,
                         List<PrPoint> pr) {

    /** Bootstrap resamples for the AUC interval. */
    public static final int AUC_RESAMPLES = 500;

    /**
     * Evaluates calibrated probabilities against labels.
     *
     * @param probabilities calibrated probabilities
     * @param labels        true for a confirmed need
     * @param bands         the score bands
     * @param seed          seed of the bootstrap
     */
    public static Evaluation of(double[] probabilities, boolean[] labels, ScoreBands bands, long seed) {
        BootstrapInterval auc = BootstrapInterval.ofAuc(probabilities, labels, AUC_RESAMPLES, seed);
        int positives = 0;
        for (boolean y : labels) {
            positives += y ? 1 : 0;
        }
        return new Evaluation(labels.length, positives, auc.estimate(), new double[] {auc.lower(), auc.upper()},
                PrecisionRecall.averagePrecision(probabilities, labels), Brier.score(probabilities, labels),
                CalibrationTable.ece(probabilities, labels), CalibrationTable.of(probabilities, labels),
                bands.evaluate(probabilities, labels), thin(Roc.curve(probabilities, labels)),
                thin(PrecisionRecall.curve(probabilities, labels)));
    }

    /** At most about 200 points of a curve, always keeping its ends (enough to plot, small to store). */
    private static <T> List<T> thin(List<T> curve) {
        if (curve.size() <= 200) {
            return curve;
        }
        int step = (curve.size() + 199) / 200;
        java.util.ArrayList<T> out = new java.util.ArrayList<>();
        for (int i = 0; i < curve.size(); i += step) {
            out.add(curve.get(i));
        }
        if (out.get(out.size() - 1) != curve.get(curve.size() - 1)) {
            out.add(curve.get(curve.size() - 1));
        }
        return out;
    }
}
