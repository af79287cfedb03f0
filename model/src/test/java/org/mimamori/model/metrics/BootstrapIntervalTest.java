package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BootstrapIntervalTest {

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        Cases c = Cases.logistic(300, 1.5, 1);
        BootstrapInterval a = BootstrapInterval.of(c.scores(), c.labels(), Metric.AUC, 200, 42);
        assertThat(BootstrapInterval.of(c.scores(), c.labels(), Metric.AUC, 200, 42)).isEqualTo(a);
        assertThat(BootstrapInterval.of(c.scores(), c.labels(), Metric.AUC, 200, 43)).isNotEqualTo(a);
    }

    @Test
    void aucIntervalSurroundsTheEstimateAndNarrowsWithMoreData() {
        Cases small = Cases.logistic(200, 1.5, 2);
        Cases large = Cases.logistic(5000, 1.5, 3);
        BootstrapInterval s = BootstrapInterval.of(small.scores(), small.labels(), Metric.AUC, 3);
        BootstrapInterval l = BootstrapInterval.of(large.scores(), large.labels(), Metric.AUC, 300, 3);
        assertThat(s.resamples()).isEqualTo(BootstrapInterval.DEFAULT_RESAMPLES);
        assertThat(s.estimate()).isEqualTo(Roc.auc(small.scores(), small.labels()));
        assertThat(s.lower()).isLessThan(s.estimate());
        assertThat(s.upper()).isGreaterThan(s.estimate());
        assertThat(l.upper() - l.lower()).isLessThan((s.upper() - s.lower()) / 3);
    }

    @Test
    void worksForAnyMetricAndMatchesTheNormalApproximationForAMean() {
        SplittableRandom random = new SplittableRandom(5);
        double[] u = new double[400];
        Arrays.setAll(u, i -> random.nextDouble());
        Metric mean = (scores, labels) -> Arrays.stream(scores).average().orElse(Double.NaN);
        BootstrapInterval i = BootstrapInterval.of(u, new boolean[400], mean, 2000, 9);
        // Standard error of a uniform mean: sqrt(1/12 / 400) = 0.01443; 95% width about 2 · 1.96 · 0.01443.
        assertThat(i.upper() - i.lower()).isCloseTo(2 * 1.96 * Math.sqrt(1.0 / 12 / 400), within(0.008));
        assertThat(i.level()).isEqualTo(0.95);
    }

    @Test
    void leavesOutResamplesWhereTheMetricIsUndefined() {
        double[] s = new double[20];
        boolean[] y = new boolean[20];
        Arrays.setAll(s, k -> k / 20.0);
        y[19] = true;
        BootstrapInterval i = BootstrapInterval.of(s, y, Metric.AUC, 500, 11);
        // A resample misses the single positive with probability (19/20)^20 ≈ 0.36.
        assertThat(i.validResamples()).isBetween(250, 400);
        assertThat(i.lower()).isNotNaN();
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(BootstrapInterval.percentile(sorted, 0.025)).isCloseTo(1.1, within(1e-12));
        assertThat(BootstrapInterval.percentile(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
        assertThat(BootstrapInterval.percentile(new double[0], 0.5)).isNaN();
    }

    @Test
    void rejectsZeroResamplesAndGivesNaNBoundsForNoCases() {
        assertThatThrownBy(() -> BootstrapInterval.of(new double[] {0.5}, new boolean[] {true}, Metric.AUC, 0, 1))
                .hasMessageContaining("at least one resample");
        BootstrapInterval empty = BootstrapInterval.of(new double[0], new boolean[0], Metric.AUC, 10, 1);
        assertThat(empty.lower()).isNaN();
        assertThat(empty.validResamples()).isZero();
    }
}
