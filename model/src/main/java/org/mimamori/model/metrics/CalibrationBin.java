package org.mimamori.model.metrics;

/**
 * One bin of a calibration table: cases whose predicted probabilities lie in [minScore, maxScore].
 *
 * @param n             the number of cases in the bin
 * @param positives     how many of them are positive
 * @param minScore      the lowest predicted probability in the bin
 * @param maxScore      the highest predicted probability in the bin
 * @param meanPredicted the mean predicted probability
 * @param observedRate  the share of positives: what the mean prediction should match
 */
public record CalibrationBin(int n, int positives, double minScore, double maxScore, double meanPredicted,
        double observedRate) {

    /** The absolute gap between predicted and observed, this bin's contribution to ECE per case. */
    public double gap() {
        return Math.abs(meanPredicted - observedRate);
    }
}
