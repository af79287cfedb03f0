package org.mimamori.model.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.model.metrics.BootstrapInterval;
import org.mimamori.model.metrics.Tolerance;

/**
 * Outcome monitoring on a designed set of eight scores, against figures worked out by hand (the Wilson bounds with
 * z = 1.959964 on paper: 1/3 gives [0.06149, 0.79234], 2/3 gives [0.20766, 0.93851]).
 */
class OutcomeMonitorTest {

    private static final double EPS = 1e-9;
    private static final OutcomeMonitor MONITOR = new OutcomeMonitor(3, 1, 200, 7, Tolerance.DEFAULT);
    private static final MonitoredScore.Decided ACTED = new MonitoredScore.Decided(true, false);
    private static final MonitoredScore.Decided WAITED = new MonitoredScore.Decided(false, false);

    private static MonitoredScore s(String band, double p, MonitoredScore.Decided d, Boolean need, String singleParent) {
        return new MonitoredScore(band, p, band.equals("high"), d, need,
                singleParent == null ? Map.of() : Map.of("single_parent", singleParent));
    }

    /** Low: 4 scored, 3 assessed (1 confirmed); high (flagged): 4 scored, 3 assessed (2 confirmed); mid: none. */
    static List<MonitoredScore> designed() {
        return List.of(
                s("low", 0.10, WAITED, false, "no"),
                s("low", 0.20, new MonitoredScore.Decided(true, true), true, "no"),
                s("low", 0.10, null, false, "yes"),
                s("low", 0.30, WAITED, null, "no"),
                s("high", 0.60, ACTED, true, "yes"),
                s("high", 0.80, ACTED, true, "yes"),
                s("high", 0.70, new MonitoredScore.Decided(false, true), false, "yes"),
                s("high", 0.90, null, null, null));
    }

    @Test
    void bandsCompareTheMeanPredictionWithTheObservedRateOfTheAssessed() {
        OutcomeReport r = MONITOR.run(List.of("low", "mid", "high"), List.of("single_parent"), designed());
        assertThat(r.scored()).isEqualTo(8);
        assertThat(r.assessed()).isEqualTo(6);
        assertThat(r.decided()).isEqualTo(6);
        BandOutcome low = r.bands().get(0);
        assertThat(low.band()).isEqualTo("low");
        assertThat(low.scored()).isEqualTo(4);
        assertThat(low.assessed()).isEqualTo(3);
        assertThat(low.needConfirmed()).isEqualTo(1);
        assertThat(low.meanPredicted()).isCloseTo(0.4 / 3, within(EPS));
        assertThat(low.observedRate()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(low.lower()).isCloseTo(0.0614919447, within(1e-9));
        assertThat(low.upper()).isCloseTo(0.7923403992, within(1e-9));
        assertThat(low.outsideInterval()).isFalse();

        BandOutcome mid = r.bands().get(1);
        assertThat(mid.scored()).isZero();
        assertThat(mid.suppressed()).isTrue();
        assertThat(mid.needConfirmed()).isNull();
        assertThat(mid.observedRate()).isNaN();

        BandOutcome high = r.bands().get(2);
        assertThat(high.scored()).isEqualTo(4);
        assertThat(high.assessed()).isEqualTo(3);
        assertThat(high.needConfirmed()).isEqualTo(2);
        assertThat(high.meanPredicted()).isCloseTo(0.7, within(EPS));
        assertThat(high.observedRate()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(high.lower()).isCloseTo(0.2076596008, within(1e-9));
        assertThat(high.upper()).isCloseTo(0.9385080553, within(1e-9));
        assertThat(high.gap()).isCloseTo(2.0 / 3 - 0.7, within(EPS));
    }

    @Test
    void theAucCountsOrderedPairsOfTheAssessed() {
        AucOutcome auc = MONITOR.run(List.of("low", "mid", "high"), List.of(), designed()).auc();
        // Positives 0.2, 0.6, 0.8 against negatives 0.1, 0.1, 0.7: 2 + 2 + 3 of 9 pairs ordered correctly.
        assertThat(auc.suppressed()).isFalse();
        assertThat(auc.assessed()).isEqualTo(6);
        assertThat(auc.positives()).isEqualTo(3);
        assertThat(auc.negatives()).isEqualTo(3);
        assertThat(auc.interval().estimate()).isCloseTo(7.0 / 9, within(EPS));
        assertThat(auc.interval().resamples()).isEqualTo(200);
        assertThat(auc.interval().lower()).isLessThanOrEqualTo(7.0 / 9);
        assertThat(auc.interval().upper()).isGreaterThanOrEqualTo(7.0 / 9).isLessThanOrEqualTo(1);
        assertThat(auc.interval()).isEqualTo(BootstrapInterval.ofAuc(new double[] {0.1, 0.2, 0.1, 0.6, 0.8, 0.7},
                new boolean[] {false, true, false, true, true, false}, 200, 7));
    }

    @Test
    void auditGroupsShowFlagsDecisionsAndOverridesAgainstTheLargestGroup() {
        List<GroupOutcome> groups = MONITOR.run(List.of("low", "mid", "high"), List.of("single_parent"), designed())
                .groups();
        assertThat(groups).extracting(GroupOutcome::value).containsExactly("no", "yes", OutcomeMonitor.UNKNOWN);
        GroupOutcome no = groups.get(0);
        GroupOutcome yes = groups.get(1);
        assertThat(yes.reference()).isTrue();
        assertThat(yes.scored()).isEqualTo(4);
        assertThat(yes.flaggedShare()).isCloseTo(0.75, within(EPS));
        assertThat(yes.decided()).isEqualTo(3);
        assertThat(yes.outreachShare()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(yes.overrideRate()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(no.reference()).isFalse();
        assertThat(no.scored()).isEqualTo(3);
        assertThat(no.flaggedShare()).isZero();
        assertThat(no.decided()).isEqualTo(3);
        assertThat(no.outreachShare()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(no.overrideRate()).isCloseTo(1.0 / 3, within(EPS));
        // The model flags none of "no" against 3 in 4 of "yes"; staff act on half as many.
        assertThat(no.flaggedDisparity().ratio()).isZero();
        assertThat(no.flaggedDisparity().difference()).isCloseTo(-0.75, within(EPS));
        assertThat(no.flaggedDisparity().flag()).isTrue();
        assertThat(no.outreachDisparity().ratio()).isCloseTo(0.5, within(EPS));
        assertThat(no.outreachDisparity().difference()).isCloseTo(-1.0 / 3, within(EPS));
        GroupOutcome unknown = groups.get(2);
        assertThat(unknown.suppressed()).isTrue();
        assertThat(unknown.scored()).isNull();
        assertThat(unknown.flaggedShare()).isNaN();
        assertThat(unknown.flaggedDisparity()).isNull();
    }

    @Test
    void tooFewAreSuppressedNotComputed() {
        OutcomeMonitor strict = new OutcomeMonitor(4, 1, 50, 7, Tolerance.DEFAULT);
        OutcomeReport r = strict.run(List.of("low", "mid", "high"), List.of("single_parent"), designed());
        assertThat(r.bands()).allSatisfy(b -> assertThat(b.suppressed()).isTrue()); // 3 assessed per band < 4
        assertThat(r.auc().suppressed()).isFalse(); // 6 assessed, 3 of each class
        GroupOutcome yes = r.groups().get(1);
        assertThat(yes.scored()).isEqualTo(4);
        assertThat(yes.decisionsSuppressed()).isTrue(); // 3 decided < 4
        assertThat(yes.decided()).isNull();
        assertThat(yes.outreachShare()).isNaN();
        assertThat(yes.overrideRate()).isNaN();
        assertThat(r.groups().get(0).suppressed()).isTrue(); // "no": 3 scored
        assertThat(new OutcomeMonitor(3, 4, 50, 7, Tolerance.DEFAULT)
                .run(List.of("low", "mid", "high"), List.of(), designed()).auc().suppressed()).isTrue();
    }

    @Test
    void aBandTheModelDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> MONITOR.run(List.of("low"), List.of(), designed()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'high'");
    }

    @Test
    void theCaveatIsStatedInBothLanguages() {
        assertThat(OutcomeReport.SELECTION_BIAS.ja()).contains("アセスメント");
        assertThat(OutcomeReport.SELECTION_BIAS.en()).contains("only for children whom staff assessed");
    }
}
