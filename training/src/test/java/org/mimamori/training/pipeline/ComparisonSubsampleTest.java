package org.mimamori.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The comparison models' subsample: a simple random sample without replacement, the same for the same seed. */
class ComparisonSubsampleTest {

    @Test
    void allRowsWhenThereAreNoMoreThanTheLimit() {
        assertThat(Comparison.subsample(500, 500, 9)).isEqualTo(IntStream.range(0, 500).toArray());
        assertThat(Comparison.subsample(10, 500, 9)).isEqualTo(IntStream.range(0, 10).toArray());
    }

    @Test
    void aboveTheLimitDistinctAscendingRowsOfTheLimitsSize() {
        int[] rows = Comparison.subsample(100_000, 2_000, 9);
        assertThat(rows).hasSize(2_000).isSorted().doesNotHaveDuplicates();
        assertThat(rows[0]).isGreaterThanOrEqualTo(0);
        assertThat(rows[rows.length - 1]).isLessThan(100_000);
        // Spread over the whole file, not its start: about a fifth of the draws in each fifth of the rows.
        for (int fifth = 0; fifth < 5; fifth++) {
            int lo = fifth * 20_000;
            long in = Arrays.stream(rows).filter(r -> r >= lo && r < lo + 20_000).count();
            assertThat(in).isBetween(330L, 470L);
        }
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        assertThat(Comparison.subsample(50_000, 1_000, 9)).isEqualTo(Comparison.subsample(50_000, 1_000, 9));
        assertThat(Comparison.subsample(50_000, 1_000, 10)).isNotEqualTo(Comparison.subsample(50_000, 1_000, 9));
    }
}
