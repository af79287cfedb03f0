package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RocTest {

    @Test
    void matchesScikitLearnDocumentationExample() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertThat(Roc.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .isEqualTo(0.75);
    }

    @Test
    void aTieBetweenClassesCountsOneHalf() {
        // pairs: (0.5+, 0.2-) = 1, (0.5+, 0.5-) = 1/2, (0.9+, both) = 2 -> 3.5 / 4
        assertThat(Roc.auc(new double[] {0.2, 0.5, 0.5, 0.9}, new boolean[] {false, true, false, true}))
                .isEqualTo(0.875);
        assertThat(Roc.auc(new double[] {0.3, 0.3}, new boolean[] {true, false})).isEqualTo(0.5);
    }

    @Test
    void isUndefinedWithOneClass() {
        assertThat(Roc.auc(new double[] {0.1, 0.9}, new boolean[] {true, true})).isNaN();
        assertThat(Roc.auc(new double[0], new boolean[0])).isNaN();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Roc.auc(new double[] {0.1}, new boolean[] {true, false}))
                .hasMessageContaining("1 scores but 2 labels");
        assertThatThrownBy(() -> Roc.auc(new double[] {0.1, Double.NaN}, new boolean[] {true, false}))
                .hasMessageContaining("score 1 is NaN");
    }

    @Test
    void curveRunsFromOriginToOneOneThroughEachDistinctScore() {
        List<RocPoint> curve = Roc.curve(new double[] {0.2, 0.5, 0.5, 0.9}, new boolean[] {false, true, false, true});
        assertThat(curve).containsExactly(
                new RocPoint(Double.POSITIVE_INFINITY, 0, 0),
                new RocPoint(0.9, 0, 0.5),
                new RocPoint(0.5, 0.5, 1),
                new RocPoint(0.2, 1, 1));
    }

    @Provide
    Arbitrary<Cases> cases() {
        return Cases.withTies();
    }

    @Property
    void equalsTheShareOfCorrectlyOrderedPairs(@ForAll("cases") Cases c) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < c.scores().length; i++) {
            for (int j = 0; j < c.scores().length; j++) {
                if (c.labels()[i] && !c.labels()[j]) {
                    pairs++;
                    wins += c.scores()[i] > c.scores()[j] ? 1 : c.scores()[i] == c.scores()[j] ? 0.5 : 0;
                }
            }
        }
        double auc = Roc.auc(c.scores(), c.labels());
        if (pairs == 0) {
            assertThat(auc).isNaN();
        } else {
            assertThat(auc).isCloseTo(wins / pairs, within(1e-12));
        }
    }

    @Property
    void equalsTheTrapezoidalAreaUnderTheCurve(@ForAll("cases") Cases c) {
        double auc = Roc.auc(c.scores(), c.labels());
        List<RocPoint> curve = Roc.curve(c.scores(), c.labels());
        if (Double.isNaN(auc)) {
            return;
        }
        double area = 0;
        for (int k = 1; k < curve.size(); k++) {
            RocPoint a = curve.get(k - 1);
            RocPoint b = curve.get(k);
            assertThat(b.fpr()).isGreaterThanOrEqualTo(a.fpr());
            assertThat(b.tpr()).isGreaterThanOrEqualTo(a.tpr());
            area += (b.fpr() - a.fpr()) * (a.tpr() + b.tpr()) / 2;
        }
        assertThat(curve.get(curve.size() - 1)).extracting(RocPoint::fpr, RocPoint::tpr).containsExactly(1.0, 1.0);
        assertThat(area).isCloseTo(auc, within(1e-12));
    }

    @Property
    void reversingTheScoresMirrorsTheAucAndAMonotoneTransformKeepsIt(@ForAll("cases") Cases c) {
        double auc = Roc.auc(c.scores(), c.labels());
        double[] negated = Arrays.stream(c.scores()).map(s -> -s).toArray();
        double[] transformed = Arrays.stream(c.scores()).map(s -> Math.exp(3 * s) - 7).toArray();
        if (Double.isNaN(auc)) {
            assertThat(Roc.auc(negated, c.labels())).isNaN();
            return;
        }
        assertThat(Roc.auc(negated, c.labels())).isCloseTo(1 - auc, within(1e-12));
        assertThat(Roc.auc(transformed, c.labels())).isEqualTo(auc);
        assertThat(Roc.auc(c.reversed().scores(), c.reversed().labels())).isEqualTo(auc);
    }
}
