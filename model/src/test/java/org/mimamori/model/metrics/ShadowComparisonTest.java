package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The shadow comparison's figures against ones worked out by hand. */
class ShadowComparisonTest {

    @Test
    void theMatrixAgreementAndDifferencesOfFiveCases() {
        ShadowComparison c = new ShadowComparison(List.of("low", "high"), List.of("low", "high"))
                .add("low", 0.1, "low", 0.2)     // same band, +0.1
                .add("low", 0.1, "high", 0.6)    // +0.5
                .add("high", 0.7, "high", 0.4)   // same band, -0.3
                .add(null, Double.NaN, "low", 0.2) // active withheld: not compared
                .add(null, Double.NaN, null, Double.NaN); // both withheld: the same band
        assertThat(c.activeBands()).containsExactly("low", "high", "withheld");
        assertThat(c.shadowBands()).containsExactly("low", "high", "withheld");
        assertThat(c.counts()).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 1}});
        assertThat(c.n()).isEqualTo(5);
        assertThat(c.agreeing()).isEqualTo(3);
        assertThat(c.bandAgreement()).isEqualTo(0.6);
        assertThat(c.compared()).isEqualTo(3);
        assertThat(c.meanAbsDifference()).isCloseTo((0.1 + 0.5 + 0.3) / 3, within(1e-15));
        assertThat(c.meanDifference()).isCloseTo((0.1 + 0.5 - 0.3) / 3, within(1e-15));
        assertThat(c.maxAbsDifference()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void bandsOfDifferentModelsAndUnforeseenBandsGetTheirOwnRowsAndColumns() {
        ShadowComparison c = new ShadowComparison(List.of("a", "b"), List.of("x"))
                .add("b", 0.3, "x", 0.3).add("c", 0.9, "x", 0.8);
        assertThat(c.activeBands()).containsExactly("a", "b", "withheld", "c");
        assertThat(c.shadowBands()).containsExactly("x", "withheld");
        assertThat(c.counts()).isDeepEqualTo(new long[][] {{0, 0}, {1, 0}, {0, 0}, {1, 0}});
        assertThat(c.bandAgreement()).as("no band id in common").isZero();
        assertThat(c.maxAbsDifference()).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void nothingAddedGivesNaNNeverZero() {
        ShadowComparison c = new ShadowComparison(List.of("low"), List.of("low"));
        assertThat(c.n()).isZero();
        assertThat(c.bandAgreement()).isNaN();
        assertThat(c.meanAbsDifference()).isNaN();
        assertThat(c.maxAbsDifference()).isNaN();
        assertThat(c.counts()).isDeepEqualTo(new long[][] {{0, 0}, {0, 0}});
        c.add(null, Double.NaN, "low", 0.1);
        assertThat(c.bandAgreement()).isZero();
        assertThat(c.meanAbsDifference()).as("no case with two estimates").isNaN();
    }

    @Test
    void aMissingProbabilityBesideABandIsRefused() {
        ShadowComparison c = new ShadowComparison(List.of("low"), List.of("low"));
        assertThatThrownBy(() -> c.add("low", Double.NaN, "low", 0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemsDifferingMostAreTheLargestMeanAbsoluteDifferencesTiesByName() {
        List<ShadowComparison.ItemDifference> top = ShadowComparison.itemsDifferingMost(List.of(
                new ShadowComparison.ItemSums("d", 0.6, 0.6),
                new ShadowComparison.ItemSums("a", 0.6, -0.3),
                new ShadowComparison.ItemSums("b", 1.2, 1.2),
                new ShadowComparison.ItemSums("c", 0, 0)), 3, 2);
        assertThat(top).hasSize(2);
        assertThat(top.get(0).item()).isEqualTo("b");
        assertThat(top.get(0).meanAbsDifference()).isCloseTo(0.4, within(1e-15));
        assertThat(top.get(0).meanDifference()).isCloseTo(0.4, within(1e-15));
        assertThat(top.get(1).item()).isEqualTo("a");
        assertThat(top.get(1).meanAbsDifference()).isCloseTo(0.2, within(1e-15));
        assertThat(top.get(1).meanDifference()).isCloseTo(-0.1, within(1e-15));
        assertThat(ShadowComparison.itemsDifferingMost(List.of(new ShadowComparison.ItemSums("a", 1, 1)), 0, 5))
                .isEmpty();
    }

    @Test
    void bothModelsFitOnOutcomes() {
        ShadowComparison.Outcomes o = ShadowComparison.Outcomes.of(new double[] {0.2, 0.8, 0.6, 0.4},
                new double[] {0.3, 0.7, 0.2, 0.9}, new boolean[] {false, true, true, false});
        assertThat(o.n()).isEqualTo(4);
        assertThat(o.positives()).isEqualTo(2);
        assertThat(o.observedRate()).isEqualTo(0.5);
        // active: both positives above both negatives; shadow: only 0.7 > 0.3 of the four pairs
        assertThat(o.active().auc()).isEqualTo(1.0);
        assertThat(o.shadow().auc()).isEqualTo(0.25);
        // (0.04 + 0.04 + 0.16 + 0.16) / 4 and (0.09 + 0.09 + 0.64 + 0.81) / 4
        assertThat(o.active().brier()).isCloseTo(0.1, within(1e-12));
        assertThat(o.shadow().brier()).isCloseTo(0.4075, within(1e-12));
        assertThat(o.active().meanPredicted()).isCloseTo(0.5, within(1e-12));
        assertThat(o.shadow().meanPredicted()).isCloseTo(0.525, within(1e-12));
        // four cases in ten equal-mass bins: one bin each; gaps 0.2, 0.4, 0.4, 0.2 and 0.8, 0.3, 0.3, 0.9
        assertThat(o.active().ece()).isCloseTo(0.3, within(1e-12));
        assertThat(o.shadow().ece()).isCloseTo(0.575, within(1e-12));
    }

    @Test
    void outcomesOfOneClassHaveNoAucAndNoneHaveNoFigures() {
        ShadowComparison.Outcomes one = ShadowComparison.Outcomes.of(new double[] {0.2}, new double[] {0.4},
                new boolean[] {true});
        assertThat(one.active().auc()).isNaN();
        assertThat(one.active().brier()).isCloseTo(0.64, within(1e-12));
        ShadowComparison.Outcomes none = ShadowComparison.Outcomes.of(new double[0], new double[0], new boolean[0]);
        assertThat(none.observedRate()).isNaN();
        assertThat(none.shadow().brier()).isNaN();
        assertThatThrownBy(() -> ShadowComparison.Outcomes.of(new double[1], new double[2], new boolean[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
