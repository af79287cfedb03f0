package org.mimamori.model.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** PSI is never negative, is 0 for identical distributions, symmetric, and grows as one moves away. */
class PopulationStabilityPropertyTest {

    @Property(tries = 200)
    void psiIsANonNegativeSymmetricDivergence(@ForAll @IntRange(min = 1, max = 12) int states, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = shares(r, states);
        double[] b = shares(r, states);
        assertThat(PopulationStability.psi(a, b)).isGreaterThanOrEqualTo(0);
        assertThat(PopulationStability.psi(a, a)).isZero();
        assertThat(PopulationStability.psi(a, b)).isCloseTo(PopulationStability.psi(b, a), within(1e-12));
        // Halfway between a and b is nearer to a than b is.
        double[] mid = new double[states];
        for (int s = 0; s < states; s++) {
            mid[s] = (a[s] + b[s]) / 2;
        }
        assertThat(PopulationStability.psi(mid, a)).isLessThanOrEqualTo(PopulationStability.psi(b, a) + 1e-12);
    }

    private static double[] shares(SplittableRandom r, int states) {
        double[] x = new double[states];
        double sum = 0;
        for (int s = 0; s < states; s++) {
            x[s] = r.nextInt(4) == 0 ? 0 : r.nextDouble();
            sum += x[s];
        }
        if (sum == 0) {
            x[0] = sum = 1;
        }
        for (int s = 0; s < states; s++) {
            x[s] /= sum;
        }
        return x;
    }
}
