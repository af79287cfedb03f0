package org.mimamori.model.calibration;

import java.util.SplittableRandom;

/**
 * Cases simulated from a known logistic model: the true logit z ~ N(0, spread²), the outcome
 * ~ Bernoulli(sigmoid(z)), and the model reports {@code slope · z + shift} (miscalibrated unless 1 and 0).
 *
 * @param reported the logits the model reports
 * @param labels   the outcomes
 */
record Simulated(double[] reported, boolean[] labels) {

    static Simulated draw(int n, double spread, double slope, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] reported = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - random.nextDouble();
            double z = spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-z));
            reported[i] = slope * z + shift;
        }
        return new Simulated(reported, labels);
    }

    /** The probabilities a calibrator gives the reported logits. */
    double[] calibrated(Calibrator c) {
        double[] p = new double[reported.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = c.probability(reported[i]);
        }
        return p;
    }

    /** The reported logits read naively as probabilities. */
    double[] raw() {
        double[] p = new double[reported.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-reported[i]));
        }
        return p;
    }
}
