package org.mimamori.training.pipeline;

import java.util.Arrays;

/**
 * Calibrated holdout probabilities counted in equal-width bins on [0, 1], separately for cases with and
 * without a confirmed need: enough to draw the score distribution without keeping any case's score. Bin
 * {@code b} holds probabilities in [b / bins, (b + 1) / bins), the last bin also holds 1.
 *
 * @param positives per bin, cases with a confirmed need
 * @param negatives per bin, cases without
 */
public record ScoreHistogram(int[] positives, int[] negatives) {

    /** The number of bins the training pipeline uses. */
    public static final int BINS = 20;

    /** Copies the counts and checks that both arrays have the same, positive length. */
    public ScoreHistogram {
        if (positives.length == 0 || positives.length != negatives.length) {
            throw new IllegalArgumentException("a histogram needs the same positive number of bins for both labels");
        }
        positives = positives.clone();
        negatives = negatives.clone();
    }

    /**
     * Counts probabilities by label in {@code bins} equal-width bins.
     *
     * @throws IllegalArgumentException when the lengths differ or a probability is not in [0, 1]
     */
    public static ScoreHistogram of(double[] probabilities, boolean[] labels, int bins) {
        if (probabilities.length != labels.length || bins < 1) {
            throw new IllegalArgumentException("one label per probability and at least one bin are needed");
        }
        int[] pos = new int[bins];
        int[] neg = new int[bins];
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + p + " is not in [0, 1]");
            }
            int b = Math.min(bins - 1, (int) Math.floor(p * bins));
            if (labels[i]) {
                pos[b]++;
            } else {
                neg[b]++;
            }
        }
        return new ScoreHistogram(pos, neg);
    }

    /** The number of bins. */
    public int bins() {
        return positives.length;
    }

    /** A copy of the counts of cases with a confirmed need, per bin. */
    @Override
    public int[] positives() {
        return positives.clone();
    }

    /** A copy of the counts of cases without a confirmed need, per bin. */
    @Override
    public int[] negatives() {
        return negatives.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreHistogram h && Arrays.equals(positives, h.positives)
                && Arrays.equals(negatives, h.negatives);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(positives) + Arrays.hashCode(negatives);
    }

    @Override
    public String toString() {
        return "ScoreHistogram[positives=" + Arrays.toString(positives) + ", negatives="
                + Arrays.toString(negatives) + "]";
    }
}
