package org.mimamori.model.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.encoding.EncodedCase;

/**
 * Scorecards refitted on bootstrap resamples of the training data, sharing one encoder. The spread of their
 * calibrated estimates for a case is its uncertainty interval: how much the estimate depends on which past
 * cases happened to be in the training data. It says nothing about what will happen to the child.
 *
 * @param weights per member, one weight per encoder feature
 * @param biases  per member, the intercept
 */
public record BootstrapEnsemble(List<double[]> weights, double[] biases) {

    /** Checks the shapes. */
    public BootstrapEnsemble {
        if (weights.size() != biases.length) {
            throw new InvalidValueException(new LocalizedText("ブートストラップの各モデルに切片が 1 つずつ必要です", "one bias per member"));
        }
        weights = List.copyOf(weights);
        biases = biases.clone();
    }

    /** The number of members. */
    public int size() {
        return biases.length;
    }

    /**
     * The central {@code level} interval (e.g. 0.95) of the members' calibrated probabilities, by linear
     * interpolation between order statistics; {@code {NaN, NaN}} for an empty ensemble.
     */
    public double[] interval(EncodedCase e, DoubleUnaryOperator calibration, double level) {
        int n = size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] p = new double[n];
        int[] idx = e.indices();
        double[] val = e.values();
        for (int m = 0; m < n; m++) {
            double[] w = weights.get(m);
            double logit = biases[m];
            for (int i = 0; i < idx.length; i++) {
                logit += w[idx[i]] * val[i];
            }
            p[m] = calibration.applyAsDouble(logit);
        }
        Arrays.sort(p);
        double tail = (1 - level) / 2;
        return new double[] {quantile(p, tail), quantile(p, 1 - tail)};
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
