package org.mimamori.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CalibratorJsonTest {

    private static void assertRoundTripIsExact(Calibrator c) {
        Calibrator back = CalibratorJson.read(CalibratorJson.write(c));
        assertThat(back).isEqualTo(c).isInstanceOf(c.getClass());
        for (double z = -8; z <= 8; z += 0.37) {
            assertThat(back.probability(z)).isEqualTo(c.probability(z));
        }
    }

    @Test
    void plattSurvivesJsonExactly() {
        Simulated s = Simulated.draw(2_000, 1.2, 1.7, -0.3, 5);
        PlattCalibrator c = PlattCalibrator.fit(s.reported(), s.labels());
        assertThat(CalibratorJson.write(c)).startsWith("{\"kind\":\"platt\",\"a\":");
        assertRoundTripIsExact(c);
    }

    @Test
    void isotonicSurvivesJsonExactly() {
        Simulated s = Simulated.draw(2_000, 1.2, 1.7, -0.3, 6);
        IsotonicCalibrator c = IsotonicCalibrator.fit(s.reported(), s.labels());
        assertThat(c.logits().length).isGreaterThan(3);
        assertThat(CalibratorJson.write(c)).startsWith("{\"kind\":\"isotonic\",\"logits\":[");
        assertRoundTripIsExact(c);
    }

    @Test
    void rejectsUnknownKindsAndInvalidParameters() {
        assertThatThrownBy(() -> CalibratorJson.read("{\"kind\":\"beta\",\"a\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
        assertThatThrownBy(() -> CalibratorJson.read("{\"kind\":\"platt\",\"a\":-1,\"b\":0}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a >= 0");
    }
}
