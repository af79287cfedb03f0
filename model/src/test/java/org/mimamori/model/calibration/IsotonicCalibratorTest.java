package org.mimamori.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.mimamori.model.metrics.CalibrationTable;

class IsotonicCalibratorTest {

    @Test
    void poolsAdjacentViolatorsAndInterpolatesBetweenBlockCentres() {
        // 1+ then 2- violate order: pooled into one block at centre 1.5 with rate 1/2.
        IsotonicCalibrator c = IsotonicCalibrator.fit(new double[] {3, 1, 4, 2}, new boolean[] {true, true, true, false});
        double top = 1 - IsotonicCalibrator.DEFAULT_EPSILON;
        assertThat(c.logits()).containsExactly(1.5, 3, 4);
        assertThat(c.probabilities()).containsExactly(0.5, top, top);
        assertThat(c.probability(0)).isEqualTo(0.5);
        assertThat(c.probability(1.5)).isEqualTo(0.5);
        assertThat(c.probability(2.25)).isCloseTo(0.5 + (top - 0.5) / 2, within(1e-15));
        assertThat(c.probability(10)).isEqualTo(top);
    }

    @Test
    void tiedLogitsAreOnePointWhateverTheirOrder() {
        IsotonicCalibrator a = IsotonicCalibrator.fit(new double[] {0, 0, 0, 1}, new boolean[] {true, false, false, true});
        IsotonicCalibrator b = IsotonicCalibrator.fit(new double[] {1, 0, 0, 0}, new boolean[] {true, false, false, true});
        assertThat(a).isEqualTo(b);
        assertThat(a.logits()).containsExactly(0, 1);
        assertThat(a.probabilities()[0]).isEqualTo(1.0 / 3);
    }

    @Test
    void clipsAwayFromCertainty() {
        IsotonicCalibrator c = IsotonicCalibrator.fit(new double[] {-1, 1}, new boolean[] {false, true}, 0.01);
        assertThat(c.probability(-5)).isEqualTo(0.01);
        assertThat(c.probability(5)).isEqualTo(0.99);
    }

    @Test
    void reducesTheCalibrationErrorOfAnOverconfidentModelOnFreshData() {
        // The model reports 3z + 1 where the truth is sigmoid(z): far too sure, and shifted.
        Simulated train = Simulated.draw(20_000, 1.5, 3, 1, 21);
        Simulated test = Simulated.draw(20_000, 1.5, 3, 1, 22);
        IsotonicCalibrator c = IsotonicCalibrator.fit(train.reported(), train.labels());
        double before = CalibrationTable.ece(test.raw(), test.labels());
        double after = CalibrationTable.ece(test.calibrated(c), test.labels());
        assertThat(before).isGreaterThan(0.1);
        assertThat(after).isLessThan(0.03).isLessThan(before / 4);
    }

    @Test
    void rejectsKnotsThatAreNotMonotone() {
        assertThatThrownBy(() -> new IsotonicCalibrator(new double[] {0, 1}, new double[] {0.6, 0.4}, 0.001))
                .hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> new IsotonicCalibrator(new double[] {1, 1}, new double[] {0.4, 0.6}, 0.001))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new IsotonicCalibrator(new double[] {0}, new double[] {1.0}, 0.001))
                .hasMessageContaining("within [epsilon, 1 - epsilon]");
    }

    @Property
    void isMonotoneAndWithinTheClippingBand(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -6, max = 6) Integer> levels,
            @ForAll @Size(min = 60, max = 60) List<Boolean> labels,
            @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -10, max = 10) Double> probes) {
        double[] x = levels.stream().mapToDouble(v -> v * 0.5).toArray();
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        IsotonicCalibrator c = IsotonicCalibrator.fit(x, y);
        double[] sorted = probes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double previous = 0;
        for (double p : Arrays.stream(sorted).map(c::probability).toArray()) {
            assertThat(p).isGreaterThanOrEqualTo(previous)
                    .isBetween(IsotonicCalibrator.DEFAULT_EPSILON, 1 - IsotonicCalibrator.DEFAULT_EPSILON);
            previous = p;
        }
    }
}
