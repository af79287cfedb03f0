package org.mimamori.model.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Labelled scores for tests, with generators that produce many ties. */
record Cases(double[] scores, boolean[] labels) {

    /** Up to 80 cases whose scores take few distinct values in [0, 1], so that ties are common. */
    static Arbitrary<Cases> withTies() {
        return Arbitraries.integers().between(0, 8).list().ofMaxSize(80).flatMap(levels ->
                Arbitraries.of(true, false).list().ofSize(levels.size()).map(ls -> {
                    double[] s = levels.stream().mapToDouble(v -> v / 8.0).toArray();
                    boolean[] l = new boolean[ls.size()];
                    for (int i = 0; i < l.length; i++) {
                        l[i] = ls.get(i);
                    }
                    return new Cases(s, l);
                }));
    }

    /** n cases drawn from a logistic model: logit z ~ N(0, spread²), outcome ~ Bernoulli(sigmoid(z)). */
    static Cases logistic(int n, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = new double[n];
        boolean[] l = new boolean[n];
        for (int i = 0; i < n; i++) {
            double z = spread * gaussian(random);
            s[i] = 1 / (1 + Math.exp(-z));
            l[i] = random.nextDouble() < s[i];
        }
        return new Cases(s, l);
    }

    /** A standard normal draw (Box–Muller). */
    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The same cases in reverse order. */
    Cases reversed() {
        int n = scores.length;
        double[] s = new double[n];
        boolean[] l = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = scores[n - 1 - i];
            l[i] = labels[n - 1 - i];
        }
        return new Cases(s, l);
    }

    int positives() {
        int p = 0;
        for (boolean b : labels) {
            p += b ? 1 : 0;
        }
        return p;
    }

    @Override
    public String toString() {
        return Arrays.toString(scores) + " " + Arrays.toString(labels);
    }
}
