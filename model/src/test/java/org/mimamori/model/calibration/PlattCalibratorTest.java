package org.mimamori.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mimamori.model.metrics.CalibrationTable;

class PlattCalibratorTest {

    @Test
    void recoversTheSlopeAndInterceptOfALogisticModel() {
        // Outcomes follow sigmoid(z); the model reports r = 2z + 1.4, so the truth is p = sigmoid(0.5 r − 0.7).
        Simulated s = Simulated.draw(50_000, 1.5, 2, 1.4, 11);
        PlattCalibrator c = PlattCalibrator.fit(s.reported(), s.labels());
        assertThat(c.a()).isCloseTo(0.5, within(0.03));
        assertThat(c.b()).isCloseTo(-0.7, within(0.03));
        assertThat(CalibrationTable.ece(s.calibrated(c), s.labels())).isLessThan(0.015);
    }

    @Test
    void theFitIsAtAStationaryPointOfTheSmoothedLogLoss() {
        double[] f = {-3, -1.5, -0.2, 0.1, 0.4, 1.1, 2.5, -0.7, 0.9, 1.8};
        boolean[] y = {false, false, true, false, true, true, true, false, false, true};
        PlattCalibrator c = PlattCalibrator.fit(f, y);
        double hi = (5 + 1.0) / (5 + 2);
        double lo = 1.0 / (5 + 2);
        double ga = 0;
        double gb = 0;
        for (int i = 0; i < f.length; i++) {
            double r = c.probability(f[i]) - (y[i] ? hi : lo);
            ga += r * f[i];
            gb += r;
        }
        assertThat(ga).isCloseTo(0, within(1e-9));
        assertThat(gb).isCloseTo(0, within(1e-9));
        assertThat(c.a()).isPositive();
    }

    @Test
    void staysFiniteOnPerfectlySeparatedData() {
        double[] f = {-2, -1, -0.5, 0.5, 1, 2};
        boolean[] y = {false, false, false, true, true, true};
        PlattCalibrator c = PlattCalibrator.fit(f, y);
        assertThat(c.a()).isPositive().isLessThan(100);
        // Smoothed targets 4/5 and 1/5 bound how sure the fit can be on the extreme cases.
        assertThat(c.probability(2)).isLessThan(0.99);
        assertThat(c.probability(-2)).isGreaterThan(0.01);
        assertThat(c.probability(0.5)).isGreaterThan(c.probability(-0.5));
    }

    @Test
    void neverReversesTheOrderOfCases() {
        // Higher logits here are negatives: the free fit would slope down; the constrained fit is flat.
        double[] f = {-2, -1, 1, 2};
        boolean[] y = {true, true, false, false};
        PlattCalibrator c = PlattCalibrator.fit(f, y);
        assertThat(c.a()).isZero();
        // The mean smoothed target: (2 · 3/4 + 2 · 1/4) / 4 = 1/2.
        assertThat(c.probability(-5)).isCloseTo(0.5, within(1e-12)).isEqualTo(c.probability(5));
    }

    @Test
    void aSingleLogitValueOrASingleClassGivesAFlatCurveAtTheSmoothedRate() {
        PlattCalibrator same = PlattCalibrator.fit(new double[] {0.3, 0.3, 0.3, 0.3}, new boolean[] {true, false, false, false});
        // Targets: 2/3 for the positive, 1/5 for the three negatives; their mean is 0.35.
        assertThat(same.a()).isZero();
        assertThat(same.probability(0)).isCloseTo((2.0 / 3 + 3 * 0.2) / 4, within(1e-12));
        PlattCalibrator allPositive = PlattCalibrator.fit(new double[] {-1, 0, 1}, new boolean[] {true, true, true});
        assertThat(allPositive.probability(-1)).isCloseTo(0.8, within(1e-6));
        assertThat(allPositive.probability(1)).isCloseTo(0.8, within(1e-6));
    }

    @Test
    void rejectsUnusableInput() {
        assertThatThrownBy(() -> PlattCalibrator.fit(new double[0], new boolean[0])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> PlattCalibrator.fit(new double[] {Double.NaN}, new boolean[] {true}))
                .hasMessageContaining("logit 0 is NaN");
        assertThatThrownBy(() -> new PlattCalibrator(-1, 0)).hasMessageContaining("a >= 0");
        assertThatThrownBy(() -> new PlattCalibrator(1, 0).probability(Double.NaN)).hasMessageContaining("NaN");
    }
}
