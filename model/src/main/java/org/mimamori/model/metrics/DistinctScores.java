package org.mimamori.model.metrics;

import java.util.Arrays;

/**
 * The distinct scores in ascending order, with how many positives and negatives share each one. Tied
 * scores always travel together, which is what makes every metric here independent of row order.
 */
final class DistinctScores {

    final double[] values;
    final int[] positives;
    final int[] negatives;
    final int totalPositives;
    final int totalNegatives;

    private DistinctScores(double[] values, int[] positives, int[] negatives, int totalPositives,
            int totalNegatives) {
        this.values = values;
        this.positives = positives;
        this.negatives = negatives;
        this.totalPositives = totalPositives;
        this.totalNegatives = totalNegatives;
    }

    /** Groups checked scores by value in O(n log n): sorts each class, then merges the two. */
    static DistinctScores of(double[] scores, boolean[] labels) {
        Inputs.check(scores, labels);
        int p = 0;
        for (boolean l : labels) {
            p += l ? 1 : 0;
        }
        double[] pos = new double[p];
        double[] neg = new double[labels.length - p];
        int ip = 0;
        int in = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i]) {
                pos[ip++] = scores[i];
            } else {
                neg[in++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] values = new double[scores.length];
        int[] pc = new int[scores.length];
        int[] nc = new int[scores.length];
        int k = -1;
        int i = 0;
        int j = 0;
        while (i < pos.length || j < neg.length) {
            // Take the smaller head; -0.0 and 0.0 compare equal here, as they do for thresholds.
            boolean takePositive = j == neg.length || (i < pos.length && pos[i] <= neg[j]);
            double v = takePositive ? pos[i] : neg[j];
            if (k < 0 || v != values[k]) {
                values[++k] = v;
            }
            if (takePositive) {
                pc[k]++;
                i++;
            } else {
                nc[k]++;
                j++;
            }
        }
        int size = k + 1;
        return new DistinctScores(Arrays.copyOf(values, size), Arrays.copyOf(pc, size), Arrays.copyOf(nc, size),
                pos.length, neg.length);
    }

    int size() {
        return values.length;
    }
}
