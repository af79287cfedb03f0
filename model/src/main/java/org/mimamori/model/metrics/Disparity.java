package org.mimamori.model.metrics;

/**
 * How one group's rate compares with the reference group's.
 *
 * @param ratio      group rate / reference rate; NaN when either rate is undefined or both are 0, and
 *                   +Infinity when only the reference rate is 0 (both are written as JSON null)
 * @param difference group rate − reference rate; NaN when either rate is undefined
 * @param flag       true when the ratio is defined (or infinite) and outside the tolerance band: a reason to
 *                   look closer, not a verdict
 */
public record Disparity(double ratio, double difference, boolean flag) {

    /** Compares a group's rate with the reference group's. */
    public static Disparity of(double rate, double referenceRate, Tolerance tolerance) {
        double ratio;
        if (Double.isNaN(rate) || Double.isNaN(referenceRate) || (rate == 0 && referenceRate == 0)) {
            ratio = Double.NaN;
        } else if (referenceRate == 0) {
            ratio = Double.POSITIVE_INFINITY;
        } else {
            ratio = rate / referenceRate;
        }
        boolean flag = !Double.isNaN(ratio) && !tolerance.contains(ratio);
        return new Disparity(ratio, rate - referenceRate, flag);
    }
}
