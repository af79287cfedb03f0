package org.mimamori.training.synth;

import java.util.SplittableRandom;

/** The few distributions the simulation draws from, on a given stream. */
final class Draws {

    private Draws() {
    }

    /** The logistic function. */
    static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** The log-odds of a probability. */
    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** True with probability {@code p}. */
    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** True with probability {@code sigmoid(logit)}. */
    static boolean chanceLogit(SplittableRandom r, double logit) {
        return r.nextDouble() < sigmoid(logit);
    }

    /** The index drawn from a discrete distribution given by weights summing to 1. */
    static int pick(SplittableRandom r, double... weights) {
        double u = r.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A Poisson count (inversion for small means, a rounded normal above 30). */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(r)));
        }
        double p = Math.exp(-mean);
        double cdf = p;
        double u = r.nextDouble();
        int k = 0;
        while (u > cdf && k < 1000) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /**
     * An over-dispersed count (gamma-Poisson, i.e. negative binomial) with this mean; smaller {@code shape}
     * means more children at zero and a longer tail, like school absences.
     */
    static int overdispersed(SplittableRandom r, double mean, double shape) {
        return poisson(r, gamma(r, shape) * mean / shape);
    }

    /** A standard normal draw (Box–Muller). */
    static double normal(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** A gamma draw with unit scale (Marsaglia–Tsang). */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(1 - r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(r);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** A share in [0, 1] with this mean; {@code concentration} sets how tightly it clusters (beta draw). */
    static double share(SplittableRandom r, double mean, double concentration) {
        double m = Math.min(0.98, Math.max(0.01, mean));
        double a = gamma(r, m * concentration);
        double b = gamma(r, (1 - m) * concentration);
        return a / (a + b);
    }

    /** A value rounded to two decimals, so shares print the same everywhere. */
    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
