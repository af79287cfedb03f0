package org.mimamori.model.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mimamori.model.metrics.Tolerance;

/**
 * Invariants: the bands partition the scores; every shown figure rests on at least the minimum group size and
 * lies in [0, 1], an observed rate inside its interval; the shown groups of a column never hold more scores than
 * there are.
 */
class OutcomeMonitorPropertyTest {

    @Property(tries = 80)
    void shownFiguresRestOnEnoughScoresAndBandsPartitionThem(@ForAll @IntRange(min = 0, max = 120) int n,
            @ForAll @IntRange(min = 1, max = 15) int minGroupSize, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MonitoredScore> scores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = random.nextInt(101) / 100.0;
            String band = p < 0.2 ? "low" : p < 0.5 ? "mid" : "high";
            MonitoredScore.Decided d = random.nextInt(3) == 0 ? null
                    : new MonitoredScore.Decided(random.nextBoolean(), random.nextBoolean());
            Boolean need = random.nextInt(3) == 0 ? null : random.nextDouble() < p;
            String group = random.nextInt(6) == 0 ? "" : "g" + random.nextInt(4);
            scores.add(new MonitoredScore(band, p, band.equals("high"), d, need, Map.of("g", group)));
        }
        OutcomeReport r = new OutcomeMonitor(minGroupSize, 1, 20, seed, Tolerance.DEFAULT)
                .run(List.of("low", "mid", "high"), List.of("g"), scores);

        assertThat(r.bands().stream().mapToInt(BandOutcome::scored).sum()).isEqualTo(n);
        assertThat(r.bands().stream().mapToInt(BandOutcome::assessed).sum()).isEqualTo(r.assessed());
        for (BandOutcome b : r.bands()) {
            assertThat(b.suppressed()).isEqualTo(b.assessed() < minGroupSize);
            if (!b.suppressed()) {
                assertThat(b.lower()).isBetween(0.0, b.observedRate() + 1e-12);
                assertThat(b.upper()).isBetween(b.observedRate() - 1e-12, 1.0);
                assertThat(b.meanPredicted()).isBetween(0.0, 1.0);
            }
        }
        int shown = 0;
        for (GroupOutcome g : r.groups()) {
            if (g.suppressed()) {
                assertThat(g.scored()).isNull();
                assertThat(g.flaggedShare()).isNaN();
                continue;
            }
            assertThat(g.scored()).isGreaterThanOrEqualTo(minGroupSize);
            assertThat(g.flaggedShare()).isBetween(0.0, 1.0);
            shown += g.scored();
            if (!g.decisionsSuppressed()) {
                assertThat(g.decided()).isBetween(minGroupSize, g.scored());
                assertThat(g.outreachShare()).isBetween(0.0, 1.0);
                assertThat(g.overrideRate()).isBetween(0.0, 1.0);
            } else {
                assertThat(g.decided()).isNull();
            }
        }
        assertThat(shown).isLessThanOrEqualTo(n);
        assertThat(r.groups().stream().filter(GroupOutcome::reference).count()).isLessThanOrEqualTo(1);
        if (r.auc().suppressed()) {
            assertThat(r.auc().interval()).isNull();
        } else {
            assertThat(r.auc().positives() + r.auc().negatives()).isEqualTo(r.assessed());
            assertThat(r.auc().interval().estimate()).isBetween(0.0, 1.0);
        }
    }
}
