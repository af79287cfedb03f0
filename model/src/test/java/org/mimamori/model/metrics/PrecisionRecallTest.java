package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PrecisionRecallTest {

    @Test
    void matchesScikitLearnDocumentationExample() {
        // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
        double ap = PrecisionRecall.averagePrecision(new double[] {0.1, 0.4, 0.35, 0.8},
                new boolean[] {false, false, true, true});
        assertThat(ap).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, within(1e-15));
    }

    @Test
    void tiedScoresFormOneStepSoAllTiedGivesTheBaseRate() {
        assertThat(PrecisionRecall.averagePrecision(new double[] {0.5, 0.5, 0.5, 0.5},
                new boolean[] {true, false, false, false})).isEqualTo(0.25);
    }

    @Test
    void perfectRankingScoresOneAndNoPositivesIsUndefined() {
        assertThat(PrecisionRecall.averagePrecision(new double[] {0.9, 0.8, 0.1}, new boolean[] {true, true, false}))
                .isEqualTo(1.0);
        assertThat(PrecisionRecall.averagePrecision(new double[] {0.9, 0.1}, new boolean[] {false, false})).isNaN();
    }

    @Test
    void curveStartsAtRecallZeroPrecisionOneAndEndsAtFullRecall() {
        List<PrPoint> curve = PrecisionRecall.curve(new double[] {0.1, 0.4, 0.35, 0.8},
                new boolean[] {false, false, true, true});
        assertThat(curve).containsExactly(
                new PrPoint(Double.POSITIVE_INFINITY, 0, 1),
                new PrPoint(0.8, 0.5, 1),
                new PrPoint(0.4, 0.5, 0.5),
                new PrPoint(0.35, 1, 2.0 / 3),
                new PrPoint(0.1, 1, 0.5));
    }

    @Provide
    Arbitrary<Cases> cases() {
        return Cases.withTies();
    }

    @Property
    void equalsTheMeanOverPositivesOfThePrecisionAtTheirScore(@ForAll("cases") Cases c) {
        // Independent definition: each positive contributes the precision of flagging at its own score.
        double sum = 0;
        for (int i = 0; i < c.scores().length; i++) {
            if (c.labels()[i]) {
                int flagged = 0;
                int hits = 0;
                for (int j = 0; j < c.scores().length; j++) {
                    if (c.scores()[j] >= c.scores()[i]) {
                        flagged++;
                        hits += c.labels()[j] ? 1 : 0;
                    }
                }
                sum += (double) hits / flagged;
            }
        }
        double ap = PrecisionRecall.averagePrecision(c.scores(), c.labels());
        if (c.positives() == 0) {
            assertThat(ap).isNaN();
        } else {
            assertThat(ap).isCloseTo(sum / c.positives(), within(1e-12)).isBetween(0.0, 1.0);
        }
    }
}
