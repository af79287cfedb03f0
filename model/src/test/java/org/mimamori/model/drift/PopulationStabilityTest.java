package org.mimamori.model.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** PSI against figures worked out by hand. */
class PopulationStabilityTest {

    @Test
    void psiOfTwoShareVectorsIsTheSumOfTheirTerms() {
        // 0.1·ln(0.5/0.4) + (−0.1)·ln(0.3/0.4) + 0 = 0.1·0.223144 + 0.1·0.287682 = 0.0510826
        assertThat(PopulationStability.psi(new double[] {0.5, 0.3, 0.2}, new double[] {0.4, 0.4, 0.2}))
                .isCloseTo(0.0510826, within(1e-6));
    }

    @Test
    void anEmptyStateIsFlooredAtEpsilon() {
        // 0.1·ln(1.2) + 0 + (0.0001 − 0.1)·ln(0.0001/0.1) = 0.0182322 + 0.0999·6.9077553 = 0.7083169
        assertThat(PopulationStability.psi(new double[] {0.6, 0.4, 0.0}, new double[] {0.5, 0.4, 0.1}))
                .isCloseTo(0.7083169, within(1e-6));
        // A state neither side has adds nothing.
        assertThat(PopulationStability.psi(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.5, 0})).isZero();
    }

    @Test
    void countsAreTurnedIntoShares() {
        assertThat(PopulationStability.psi(new long[] {50, 30, 20}, new double[] {0.4, 0.4, 0.2}))
                .isCloseTo(0.0510826, within(1e-6));
        assertThat(PopulationStability.psi(new long[] {0, 0}, new double[] {0.5, 0.5})).isNaN();
    }

    @Test
    void aShiftOfHalfTheMassIsAnActionLevelChange() {
        // 2 · 0.3·ln(0.8/0.5)... worked out: (0.8−0.5)·ln(1.6) + (0.2−0.5)·ln(0.4) = 0.141000 + 0.274887 = 0.415888
        double psi = PopulationStability.psi(new double[] {0.8, 0.2}, new double[] {0.5, 0.5});
        assertThat(psi).isCloseTo(0.415888, within(1e-6));
        assertThat(psi).isGreaterThan(DriftThresholds.DEFAULT.psiAct());
    }

    @Test
    void statesMustMatch() {
        assertThatThrownBy(() -> PopulationStability.psi(new double[] {1}, new double[] {0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zOfARiseIsItsDistanceInStandardErrors() {
        // (0.2 − 0.1) / √(0.1·0.9/100) = 0.1 / 0.03
        assertThat(Drift.z(0.2, 0.1, 100, 1000)).isCloseTo(3.3333333, within(1e-6));
        // A rate training never saw keeps half a case of spread: p₀ = 0.5/1000.
        assertThat(Drift.z(0.0005, 0.0, 400, 1000)).isCloseTo(0.0, within(1e-9));
    }
}
