package org.mimamori.model.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A bootstrap percentile interval for a metric: the metric is recomputed on {@code resamples} samples of
 * the cases drawn with replacement, and the interval runs from the 2.5th to the 97.5th percentile of those
 * values (linear interpolation between order statistics). Seeded, so the same input gives the same interval.
 *
 * <p>A resample on which the metric is undefined (NaN, for example an AUC with only one class drawn) is
 * left out; {@code validResamples} says how many counted. With none, the bounds are NaN.
 *
 * @param estimate       the metric on all cases
 * @param lower          the lower bound
 * @param upper          the upper bound
 * @param level          the coverage, 0.95
 * @param resamples      how many resamples were drawn
 * @param validResamples how many of them gave a defined value
 * @param seed           the random seed
 */
public record BootstrapInterval(double estimate, double lower, double upper, double level, int resamples,
        int validResamples, long seed) {

    /** The default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** The coverage of the interval. */
    public static final double LEVEL = 0.95;

    /** The interval with {@value #DEFAULT_RESAMPLES} resamples. */
    public static BootstrapInterval of(double[] scores, boolean[] labels, Metric metric, long seed) {
        return of(scores, labels, metric, DEFAULT_RESAMPLES, seed);
    }

    /**
     * The interval with the given number of resamples.
     *
     * @throws IllegalArgumentException when resamples &lt; 1, the lengths differ or a score is NaN
     */
    public static BootstrapInterval of(double[] scores, boolean[] labels, Metric metric, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("at least one resample is needed, not " + resamples);
        }
        Inputs.check(scores, labels);
        double estimate = metric.compute(scores, labels);
        int n = scores.length;
        double[] values = new double[resamples];
        int valid = 0;
        if (n > 0) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] s = new double[n];
            boolean[] l = new boolean[n];
            for (int r = 0; r < resamples; r++) {
                for (int i = 0; i < n; i++) {
                    int pick = random.nextInt(n);
                    s[i] = scores[pick];
                    l[i] = labels[pick];
                }
                double v = metric.compute(s, l);
                if (!Double.isNaN(v)) {
                    values[valid++] = v;
                }
            }
        }
        double[] sorted = Arrays.copyOf(values, valid);
        Arrays.sort(sorted);
        double tail = (1 - LEVEL) / 2;
        return new BootstrapInterval(estimate, percentile(sorted, tail), percentile(sorted, 1 - tail), LEVEL,
                resamples, valid, seed);
    }

    /**
     * The interval of the ROC AUC, equal to {@code of(scores, labels, Roc::auc, resamples, seed)} (the same draws,
     * the same exact pair counts) but without sorting each resample: the distinct scores are found once and each
     * resample only counts how often each was drawn, per class. O(n) per resample instead of O(n log n).
     */
    public static BootstrapInterval ofAuc(double[] scores, boolean[] labels, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("at least one resample is needed, not " + resamples);
        }
        Inputs.check(scores, labels);
        double estimate = Roc.auc(scores, labels);
        int n = scores.length;
        double[] values = new double[resamples];
        int valid = 0;
        if (n > 0) {
            double[] distinct = DistinctScores.of(scores, labels).values.clone();
            for (int k = 0; k < distinct.length; k++) {
                distinct[k] += 0.0; // -0.0 and 0.0 are one distinct score; search for it as 0.0
            }
            int[] index = new int[n];
            for (int i = 0; i < n; i++) {
                index[i] = Arrays.binarySearch(distinct, scores[i] + 0.0);
            }
            SplittableRandom random = new SplittableRandom(seed);
            int[] positives = new int[distinct.length];
            int[] negatives = new int[distinct.length];
            for (int r = 0; r < resamples; r++) {
                Arrays.fill(positives, 0);
                Arrays.fill(negatives, 0);
                long totalPositives = 0;
                for (int i = 0; i < n; i++) {
                    int pick = random.nextInt(n);
                    if (labels[pick]) {
                        positives[index[pick]]++;
                        totalPositives++;
                    } else {
                        negatives[index[pick]]++;
                    }
                }
                double v = Roc.auc(positives, negatives, totalPositives, n - totalPositives);
                if (!Double.isNaN(v)) {
                    values[valid++] = v;
                }
            }
        }
        double[] sorted = Arrays.copyOf(values, valid);
        Arrays.sort(sorted);
        double tail = (1 - LEVEL) / 2;
        return new BootstrapInterval(estimate, percentile(sorted, tail), percentile(sorted, 1 - tail), LEVEL,
                resamples, valid, seed);
    }

    /** The q-quantile of sorted values, interpolating linearly (numpy's default); NaN when empty. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
