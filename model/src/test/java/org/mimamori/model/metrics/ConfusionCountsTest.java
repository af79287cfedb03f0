package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ConfusionCountsTest {

    @Test
    void flagsScoresAtOrAboveTheThreshold() {
        double[] s = {0.9, 0.5, 0.49, 0.1, 0.5};
        boolean[] y = {true, false, true, false, true};
        ConfusionCounts c = ConfusionCounts.at(s, y, 0.5);
        assertThat(c).isEqualTo(new ConfusionCounts(2, 1, 1, 1));
        assertThat(c.selectionRate()).isEqualTo(3.0 / 5);
        assertThat(c.baseRate()).isEqualTo(3.0 / 5);
        assertThat(c.tpr()).isEqualTo(2.0 / 3);
        assertThat(c.fnr()).isEqualTo(1.0 / 3);
        assertThat(c.fpr()).isEqualTo(0.5);
        assertThat(c.tnr()).isEqualTo(0.5);
        assertThat(c.ppv()).isEqualTo(2.0 / 3);
        assertThat(c.npv()).isEqualTo(0.5);
    }

    @Test
    void ratesWithAnEmptyDenominatorAreUndefined() {
        ConfusionCounts nothingFlagged = ConfusionCounts.at(new double[] {0.1, 0.2}, new boolean[] {true, false}, 0.9);
        assertThat(nothingFlagged.ppv()).isNaN();
        assertThat(nothingFlagged.npv()).isEqualTo(0.5);
        ConfusionCounts noPositives = ConfusionCounts.at(new double[] {0.1, 0.95}, new boolean[] {false, false}, 0.9);
        assertThat(noPositives.tpr()).isNaN();
        assertThat(noPositives.fnr()).isNaN();
        assertThat(noPositives.fpr()).isEqualTo(0.5);
        assertThat(new ConfusionCounts(0, 0, 0, 0).selectionRate()).isNaN();
    }

    @Provide
    Arbitrary<Cases> cases() {
        return Cases.withTies();
    }

    @Property
    void countsPartitionTheCasesAndComplementaryRatesAddUp(@ForAll("cases") Cases c,
            @ForAll @DoubleRange(min = 0, max = 1) double threshold) {
        ConfusionCounts k = ConfusionCounts.at(c.scores(), c.labels(), threshold);
        assertThat(k.n()).isEqualTo(c.scores().length);
        assertThat(k.positives()).isEqualTo(c.positives());
        if (k.positives() > 0) {
            assertThat(k.tpr() + k.fnr()).isCloseTo(1.0, within(1e-12));
        }
        if (k.negatives() > 0) {
            assertThat(k.fpr() + k.tnr()).isCloseTo(1.0, within(1e-12));
        }
        ConfusionCounts higher = ConfusionCounts.at(c.scores(), c.labels(), threshold + 0.1);
        assertThat(higher.flagged()).isLessThanOrEqualTo(k.flagged());
    }
}
