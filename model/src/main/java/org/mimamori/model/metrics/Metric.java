package org.mimamori.model.metrics;

/**
 * A metric of scores against labels, as a function, so that generic tools such as
 * {@link BootstrapInterval} can take any of them.
 */
@FunctionalInterface
public interface Metric {

    /** Area under the ROC curve, {@link Roc#auc}. */
    Metric AUC = Roc::auc;
    /** Average precision, {@link PrecisionRecall#averagePrecision}. */
    Metric AVERAGE_PRECISION = PrecisionRecall::averagePrecision;
    /** Brier score, {@link Brier#score}. */
    Metric BRIER = Brier::score;
    /** Expected calibration error with ten equal-mass bins, {@link CalibrationTable#ece}. */
    Metric ECE = CalibrationTable::ece;

    /**
     * Computes the metric.
     *
     * @param scores the scores, one per case
     * @param labels the outcomes, true for a positive case
     * @return the value, NaN when it is undefined for these cases
     */
    double compute(double[] scores, boolean[] labels);
}
