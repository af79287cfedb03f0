package org.mimamori.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

    @Test
    void countsEachLabelInEqualWidthBins() {
        ScoreHistogram h = ScoreHistogram.of(new double[] {0, 0.049, 0.05, 0.5, 0.99, 1},
                new boolean[] {false, true, false, true, true, false}, 20);
        assertThat(h.bins()).isEqualTo(20);
        int[] pos = h.positives();
        int[] neg = h.negatives();
        assertThat(neg[0]).isEqualTo(1);
        assertThat(pos[0]).isEqualTo(1);
        assertThat(neg[1]).isEqualTo(1);
        assertThat(pos[10]).isEqualTo(1);
        assertThat(pos[19]).isEqualTo(1);
        assertThat(neg[19]).as("1 falls in the last bin").isEqualTo(1);
        assertThat(java.util.Arrays.stream(pos).sum() + java.util.Arrays.stream(neg).sum()).isEqualTo(6);
    }

    @Test
    void rejectsWhatIsNotAProbability() {
        assertThatThrownBy(() -> ScoreHistogram.of(new double[] {1.5}, new boolean[] {true}, 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreHistogram.of(new double[] {Double.NaN}, new boolean[] {true}, 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreHistogram.of(new double[] {0.5}, new boolean[0], 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAValueThatCannotBeChangedFromOutside() {
        ScoreHistogram h = ScoreHistogram.of(new double[] {0.1}, new boolean[] {true}, 4);
        h.positives()[0] = 99;
        assertThat(h.positives()[0]).isEqualTo(1);
        assertThat(h).isEqualTo(new ScoreHistogram(new int[] {1, 0, 0, 0}, new int[4]));
    }
}
