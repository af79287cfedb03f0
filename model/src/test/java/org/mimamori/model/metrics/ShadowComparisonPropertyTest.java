package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the shadow comparison on random cases. */
class ShadowComparisonPropertyTest {

    private static final List<String> BANDS = List.of("very_low", "low", "moderate", "high", "very_high");

    @Property(tries = 80)
    void theMatrixCountsEveryCaseOnceAndTheFiguresAreBounded(@ForAll @IntRange(min = 0, max = 300) int n,
                                                             @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ShadowComparison c = new ShadowComparison(BANDS, BANDS);
        long[] perActive = new long[BANDS.size() + 1];
        long same = 0;
        for (int i = 0; i < n; i++) {
            int a = r.nextInt(BANDS.size() + 1);
            int s = r.nextInt(BANDS.size() + 1);
            perActive[a]++;
            same += a == s ? 1 : 0;
            c.add(band(a), r.nextDouble(), band(s), r.nextDouble());
        }
        long[][] counts = c.counts();
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            long row = 0;
            for (long k : counts[i]) {
                row += k;
            }
            assertThat(row).as("row %s", c.activeBands().get(i)).isEqualTo(perActive[i]);
            total += row;
        }
        assertThat(total).isEqualTo(n).isEqualTo(c.n());
        long diagonal = 0;
        for (int i = 0; i < counts.length; i++) {
            diagonal += counts[i][c.shadowBands().indexOf(c.activeBands().get(i))];
        }
        assertThat(diagonal).isEqualTo(same).isEqualTo(c.agreeing());
        if (c.compared() > 0) {
            assertThat(c.meanAbsDifference()).isBetween(0.0, 1.0).isLessThanOrEqualTo(c.maxAbsDifference());
            assertThat(Math.abs(c.meanDifference())).isLessThanOrEqualTo(c.meanAbsDifference() + 1e-12);
        }
        if (n > 0) {
            assertThat(c.bandAgreement()).isBetween(0.0, 1.0);
        }
    }

    @Property(tries = 80)
    void aModelComparedWithItselfAgreesFullyAndDiffersNowhere(@ForAll @IntRange(min = 1, max = 300) int n,
                                                               @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ShadowComparison c = new ShadowComparison(BANDS, BANDS);
        List<ShadowComparison.ItemSums> items = new ArrayList<>();
        double[] p = new double[n];
        boolean[] outcome = new boolean[n];
        for (int i = 0; i < n; i++) {
            String band = band(r.nextInt(BANDS.size() + 1));
            p[i] = r.nextDouble();
            outcome[i] = r.nextBoolean();
            c.add(band, p[i], band, p[i]);
        }
        for (int k = 0; k < 10; k++) {
            items.add(new ShadowComparison.ItemSums("item" + k, 0, 0));
        }
        assertThat(c.bandAgreement()).isEqualTo(1.0);
        if (c.compared() > 0) {
            assertThat(c.meanAbsDifference()).isZero();
            assertThat(c.maxAbsDifference()).isZero();
            assertThat(c.meanDifference()).isZero();
        }
        long[][] counts = c.counts();
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                if (i != j) {
                    assertThat(counts[i][j]).as("off the diagonal").isZero();
                }
            }
        }
        assertThat(ShadowComparison.itemsDifferingMost(items, n, 5)).isEmpty();
        ShadowComparison.Outcomes o = ShadowComparison.Outcomes.of(p, p, outcome);
        assertThat(o.shadow()).isEqualTo(o.active());
        if (!Double.isNaN(o.active().auc())) {
            assertThat(o.active().auc()).isCloseTo(Roc.auc(p, outcome), within(0.0));
        }
    }

    private static String band(int i) {
        return i == BANDS.size() ? null : BANDS.get(i);
    }
}
