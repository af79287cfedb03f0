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

    /**
     * Compares a group's rate with the reference group's from their counts. With rates a/b and c/d, the
     * ratio is computed as (a·d)/(b·c) and the difference as (a·d − c·b)/(b·d), each with a single rounding,
     * so that a ratio of exactly 0.8 or 1.25 is not flagged because of floating-point error.
     */
    public static Disparity between(ConfusionCounts group, ConfusionCounts reference, AuditedRate rate,
            Tolerance tolerance) {
        long a = rate.numerator(group);
        long b = rate.denominator(group);
        long c = rate.numerator(reference);
        long d = rate.denominator(reference);
        if (b == 0 || d == 0) {
            return new Disparity(Double.NaN, Double.NaN, false);
        }
        double difference = (double) (a * d - c * b) / ((double) b * d);
        double ratio;
        if (a == 0 && c == 0) {
            ratio = Double.NaN;
        } else if (c == 0) {
            ratio = Double.POSITIVE_INFINITY;
        } else {
            ratio = (double) (a * d) / ((double) b * c);
        }
        return new Disparity(ratio, difference, !Double.isNaN(ratio) && !tolerance.contains(ratio));
    }

    /** Compares a group's rate with the reference group's, given as rates. */
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
