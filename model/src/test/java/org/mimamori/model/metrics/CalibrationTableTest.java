package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CalibrationTableTest {

    @Test
    void cutsDistinctScoresIntoEqualMassBins() {
        double[] p = IntStream.range(0, 20).mapToDouble(i -> i / 20.0).toArray();
        CalibrationTable t = CalibrationTable.of(p, new boolean[20]);
        assertThat(t.bins()).hasSize(10).allSatisfy(b -> assertThat(b.n()).isEqualTo(2));
        assertThat(t.bins().get(0).minScore()).isEqualTo(0.0);
        assertThat(t.bins().get(0).maxScore()).isEqualTo(0.05);
    }

    @Test
    void neverSplitsTiedScoresAcrossBins() {
        double[] p = {0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        CalibrationTable t = CalibrationTable.of(p, new boolean[10], 5);
        // Nominal size 2; the five ties fill the first two bins' quota, so bins hold 5, 1, 2 and 2 cases.
        assertThat(t.bins()).extracting(CalibrationBin::n).containsExactly(5, 1, 2, 2);
    }

    @Test
    void expectedCalibrationErrorWeighsEachBinsGapByItsSize() {
        double[] p = {0.2, 0.2, 0.8, 0.8};
        boolean[] y = {false, true, true, true};
        CalibrationTable t = CalibrationTable.of(p, y, 2);
        assertThat(t.bins()).extracting(CalibrationBin::meanPredicted, CalibrationBin::observedRate)
                .containsExactly(tuple(0.2, 0.5), tuple(0.8, 1.0));
        // (2/4)·|0.2 − 0.5| + (2/4)·|0.8 − 1| = 0.25
        assertThat(t.expectedCalibrationError()).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void isZeroForPerfectlyCalibratedBins() {
        double[] p = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
        boolean[] y = {true, false, false, false, true, true, true, false};
        assertThat(CalibrationTable.of(p, y, 2).expectedCalibrationError()).isEqualTo(0.0);
    }

    @Test
    void calibratedScoresHaveSmallEceAndDistortedScoresLarge() {
        Cases c = Cases.logistic(20_000, 2, 7);
        double[] distorted = Arrays.stream(c.scores()).map(Math::sqrt).toArray();
        assertThat(CalibrationTable.ece(c.scores(), c.labels())).isLessThan(0.02);
        assertThat(CalibrationTable.ece(distorted, c.labels())).isGreaterThan(0.1);
    }

    @Provide
    Arbitrary<Cases> cases() {
        return Cases.withTies();
    }

    @Property
    void keepsEveryCaseOnceAndIgnoresRowOrder(@ForAll("cases") Cases c, @ForAll @IntRange(min = 1, max = 12) int bins) {
        CalibrationTable t = CalibrationTable.of(c.scores(), c.labels(), bins);
        assertThat(t.bins().size()).isLessThanOrEqualTo(bins);
        assertThat(t.bins().stream().mapToInt(CalibrationBin::n).sum()).isEqualTo(c.scores().length);
        assertThat(t.bins().stream().mapToInt(CalibrationBin::positives).sum()).isEqualTo(c.positives());
        for (int k = 1; k < t.bins().size(); k++) {
            assertThat(t.bins().get(k).minScore()).isGreaterThan(t.bins().get(k - 1).maxScore());
        }
        assertThat(CalibrationTable.of(c.reversed().scores(), c.reversed().labels(), bins)).isEqualTo(t);
        if (c.scores().length > 0) {
            assertThat(t.expectedCalibrationError()).isBetween(0.0, 1.0);
        }
    }
}
