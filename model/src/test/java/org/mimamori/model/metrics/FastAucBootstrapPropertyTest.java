package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The counting AUC bootstrap is the sorting one, exactly: same estimate, same bounds, same valid resamples. */
class FastAucBootstrapPropertyTest {

    @Property(tries = 60)
    void countingEqualsSorting(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 1, max = 12) int levels,
                               @ForAll @IntRange(min = 0, max = 100) int positivePercent, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            // Few levels make many ties; a signed zero checks that -0.0 and 0.0 count as one score.
            int level = random.nextInt(levels);
            scores[i] = level == 0 ? (random.nextBoolean() ? -0.0 : 0.0) : level / (double) levels;
            labels[i] = random.nextInt(100) < positivePercent;
        }
        BootstrapInterval sorting = BootstrapInterval.of(scores, labels, Roc::auc, 40, seed);
        BootstrapInterval counting = BootstrapInterval.ofAuc(scores, labels, 40, seed);
        assertThat(counting).isEqualTo(sorting);
    }
}
