package org.mimamori.model.metrics;

/** Checks shared by every metric, so that each reports bad input the same way. */
final class Inputs {

    private Inputs() {
    }

    /** Throws when the arrays differ in length or a score is NaN. */
    static void check(double[] scores, boolean[] labels) {
        if (scores == null || labels == null) {
            throw new IllegalArgumentException("scores and labels are required");
        }
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(
                    scores.length + " scores but " + labels.length + " labels: they must pair up");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
    }

    /** As {@link #check}, and every score must be a probability in [0, 1]. */
    static void checkProbabilities(double[] scores, boolean[] labels) {
        check(scores, labels);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < 0 || scores[i] > 1) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i] + ", not a probability in [0, 1]");
            }
        }
    }

    /** A ratio that is NaN, not 0 or an exception, when the denominator is zero. */
    static double rate(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
