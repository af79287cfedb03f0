package org.mimamori.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.model.calibration.PlattCalibrator;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

class ScorerTest {

    static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();
    private static final List<Case> TRAINING = ScorecardTest.cases(4000, 21);
    private static final CaseEncoder ENCODER = CaseEncoder.fit(SCHEMA, TRAINING, EncodingStyle.SCORECARD,
            BinSettings.DEFAULT);
    private static final List<EncodedCase> ENCODED = TRAINING.stream().map(ENCODER::encode).toList();
    private static final Scorecard SCORECARD = fit(TRAINING);
    static final PlattCalibrator CALIBRATOR = PlattCalibrator.fit(
            ENCODED.stream().mapToDouble(SCORECARD::logit).toArray(), labels());
    private static final Scorecard HALF_A = fit(TRAINING.subList(0, 2000));
    private static final Scorecard HALF_B = fit(TRAINING.subList(2000, 4000));
    private static final BootstrapEnsemble ENSEMBLE = new BootstrapEnsemble(
            List.of(HALF_A.weights(), HALF_B.weights()), new double[] {HALF_A.bias(), HALF_B.bias()});
    private static final List<Case> HELD_OUT = ScorecardTest.cases(4000, 22);
    private static final TrainingReference REFERENCE = TrainingReference.of(ENCODER, TRAINING)
            .withUnusualFittedOn(HELD_OUT.stream().map(ENCODER::encode).toList(), 0.01);

    private static boolean[] labels() {
        boolean[] y = new boolean[TRAINING.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = TribuoData.isPositive(TRAINING.get(i));
        }
        return y;
    }

    private static Scorecard fit(List<Case> cases) {
        var model = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 1.0, 1000, 0.001)
                .train(TribuoData.dataset(ENCODER, cases, "scorer test"));
        return LibLinearScorecards.scorecard(ENCODER, model, ENCODED);
    }

    static Scorer scorer(ScoringSettings settings) {
        return new Scorer("test", SCORECARD, CALIBRATOR, ENSEMBLE, REFERENCE, ScoreBands.defaults(), settings);
    }

    static Case child(Object... itemsAndValues) {
        Map<String, Value> m = new HashMap<>();
        for (int i = 0; i < itemsAndValues.length; i += 2) {
            Object v = itemsAndValues[i + 1];
            m.put((String) itemsAndValues[i], v instanceof Value value ? value : Value.of(((Number) v).doubleValue()));
        }
        return Case.resolve(SCHEMA, m);
    }

    @Test
    void itemContributionsAreTheScoresContributionsAndTheirUnrecordedPartsItemByItem() {
        Scorer scorer = scorer(ScoringSettings.DEFAULT);
        Case c = child("age_years", 10, "absence_days_term", 12, "prior_consultations", 2);
        ExplainedScore s = scorer.score(c);
        double[] all = scorer.itemContributions(c);
        assertThat(all).hasSize(scorer.inputItems().size());
        double unrecorded = 0;
        double sum = s.baseline();
        for (int k = 0; k < all.length; k++) {
            String id = scorer.inputItems().get(k).id();
            sum += all[k];
            if (c.get(id).kind() == Value.Kind.UNKNOWN) {
                unrecorded += all[k];
            } else {
                double given = s.contributions().stream().filter(x -> x.item().id().equals(id)).findFirst()
                        .orElseThrow().contribution();
                assertThat(all[k]).as(id).isEqualTo(given);
            }
        }
        assertThat(unrecorded).isCloseTo(s.unrecorded().contribution(), within(1e-12));
        assertThat(sum).isCloseTo(s.logit(), within(1e-9));
    }

    @Test
    void redFlagsStandAboveTheScoreWhateverItSays() {
        Scorer scorer = scorer(ScoringSettings.DEFAULT);
        ExplainedScore asked = scorer.score(child("age_years", 10, "absence_days_term", 0, "prior_consultations", 0,
                "child_asked_for_help", Value.YES));
        assertThat(asked.redFlags()).extracting(RedFlag::item).containsExactly("child_asked_for_help");
        assertThat(asked.redFlags().get(0).message().en()).contains("asked for help");
        assertThat(scorer.score(child("age_years", 10, "child_asked_for_help", Value.NO)).redFlags()).isEmpty();
        assertThat(scorer.score(child("age_years", 10)).redFlags()).isEmpty();
    }

    @Test
    void warnsAboutCoreItemsUnknownButNotAboutItemsThatDoNotApply() {
        Scorer scorer = scorer(ScoringSettings.DEFAULT);
        List<String> schoolChild = unknownCoreItems(scorer.score(child("age_years", 10)));
        List<String> toddler = unknownCoreItems(scorer.score(child("age_years", 3)));
        assertThat(schoolChild).contains("absence_days_term", "lunch_fee_arrears_months");
        assertThat(toddler).doesNotContain("absence_days_term").contains("infant_checkups_missed");
    }

    @Test
    void warnsAboutValuesOutsideTheTrainingRangeAndIgnoredValues() {
        Scorer scorer = scorer(ScoringSettings.DEFAULT);
        ExplainedScore s = scorer.score(child("age_years", 10, "absence_days_term", 95, "infant_checkups_missed", 2));
        assertThat(s.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(Warnings.OUTSIDE_TRAINING_RANGE);
            assertThat(w.item()).isEqualTo("absence_days_term");
        });
        assertThat(s.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(Warnings.NOT_APPLICABLE_BUT_GIVEN);
            assertThat(w.item()).isEqualTo("infant_checkups_missed");
        });
    }

    @Test
    void withholdsTheNumberWhenTheIntervalIsTooWideButStillExplains() {
        ScoringSettings strict = new ScoringSettings(0.95, 1e-9, 0.5);
        ExplainedScore s = scorer(strict).score(child("age_years", 10, "absence_days_term", 12,
                "prior_consultations", 2));
        assertThat(s.withheld()).isTrue();
        assertThat(s.estimate()).isNull();
        assertThat(s.warnings()).extracting(Warning::code).contains(Warnings.INTERVAL_TOO_WIDE);
        assertThat(s.contributions()).isNotEmpty();
        assertThat(s.bandMoves()).isEmpty();
        assertThat(scorer(ScoringSettings.DEFAULT).score(child("age_years", 10)).withheld()).isFalse();
    }

    @Test
    void bandMovesReallyCrossTheBoundary() {
        Scorer scorer = scorer(ScoringSettings.DEFAULT);
        int checked = 0;
        for (Case c : ScorecardTest.cases(300, 77)) {
            ExplainedScore s = scorer.score(c);
            for (BandMove move : s.bandMoves()) {
                double delta = move.changes().stream().mapToDouble(ItemChange::logitDelta).sum();
                List<Double> singles = new ArrayList<>();
                move.changes().forEach(ch -> singles.add(ch.logitDelta()));
                if (move.direction().equals("up")) {
                    if (move.together()) {
                        assertThat(CALIBRATOR.probability(s.logit() + delta)).isGreaterThanOrEqualTo(move.band().lower());
                    } else {
                        for (double d : singles) {
                            assertThat(CALIBRATOR.probability(s.logit() + d)).isGreaterThanOrEqualTo(move.band().lower());
                        }
                    }
                } else {
                    double boundary = s.estimate().band().lower();
                    for (double d : move.together() ? List.of(delta) : singles) {
                        assertThat(CALIBRATOR.probability(s.logit() + d)).isLessThan(boundary);
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void aTypicalCaseIsNotUnusualButAnUnseenCombinationIs() {
        List<Case> fresh = ScorecardTest.cases(4000, 23);
        long unusual = fresh.stream().map(ENCODER::encode).filter(REFERENCE::isUnusual).count();
        assertThat((double) unusual / fresh.size()).as("share of new cases called unusual").isLessThanOrEqualTo(0.025);
        // The thresholds are fitted, and tie-aware: these test cases are coarse, and the rarest value of the most
        // unusual held-out cases is the same for more than twice the 0.5 % each threshold aims at, so the nearest
        // share is none of them (not all of that group). The share on realistic cases (0.5-2 % of a new town) is
        // UnusualCaseWarningTest's (training); the unseen combination below shows the thresholds do fire.
        UnusualCaseCheck check = REFERENCE.unusual();
        double[] rarest = HELD_OUT.stream().map(ENCODER::encode).mapToDouble(c -> check.rarestValue(c).score())
                .toArray();
        double top = java.util.Arrays.stream(rarest).max().orElseThrow();
        long tied = java.util.Arrays.stream(rarest).filter(v -> v == top).count();
        assertThat((double) tied / rarest.length).as("the top tie group").isGreaterThan(0.01);
        assertThat(check.valueThreshold()).as("fitted, at the top tie").isEqualTo(top);
        assertThat(HELD_OUT.stream().map(ENCODER::encode).filter(REFERENCE::isUnusual)).isEmpty();
        assertThat(scorer(ScoringSettings.DEFAULT).score(child("age_years", 10)).warnings())
                .extracting(Warning::code).doesNotContain(Warnings.UNUSUAL_CASE);
        Scorer scorer = scorer(ScoringSettings.DEFAULT);
        ExplainedScore odd = scorer.score(child("age_years", 10, "household_size", 9, "moves_last_3_years", 6,
                "care_need_level_in_household", 5, "care_service_used", Value.NO, "dv_consultation", Value.YES,
                "teen_parent", Value.YES, "vaccinations_missed", 8, "late_days_term", 40, "bullying_reported", Value.YES,
                "nurse_office_visits_term", 30, "low_mood_days_share", 0.9, "siblings_under_6", 4,
                "prior_abuse_reports", 5, "prior_temporary_protection", Value.YES));
        assertThat(odd.warnings()).extracting(Warning::code).contains(Warnings.UNUSUAL_CASE);
    }

    private static List<String> unknownCoreItems(ExplainedScore s) {
        return s.warnings().stream().filter(w -> w.code().equals(Warnings.CORE_ITEM_UNKNOWN)).map(Warning::item).toList();
    }
}
