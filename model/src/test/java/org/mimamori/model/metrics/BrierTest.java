package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrierTest {

    @Test
    void isTheMeanSquaredError() {
        // (0.2 - 0)^2 = 0.04 and (0.9 - 1)^2 = 0.01
        assertThat(Brier.score(new double[] {0.2, 0.9}, new boolean[] {false, true})).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void predictingTheBaseRateScoresPTimesOneMinusP() {
        assertThat(Brier.score(new double[] {0.25, 0.25, 0.25, 0.25}, new boolean[] {true, false, false, false}))
                .isCloseTo(0.25 * 0.75, within(1e-15));
    }

    @Test
    void rejectsScoresThatAreNotProbabilities() {
        assertThatThrownBy(() -> Brier.score(new double[] {1.5}, new boolean[] {true}))
                .hasMessageContaining("score 0 is 1.5, not a probability");
        assertThat(Brier.score(new double[0], new boolean[0])).isNaN();
    }
}
