package org.mimamori.api.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.mimamori.model.metrics.BandReview;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.metrics.ScoreBands;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mimamori.api.problems.FieldProblem;

/** Which decisions go against the band or a red flag, and what they then need. */
class DecisionRulesTest {

    private static final ScoreBands FIVE = ScoreBands.defaults();
    private static final List<String> FIVE_IDS = FIVE.bands().stream().map(ScoreBand::id).toList();

    @ParameterizedTest(name = "{0} + {1} (red flags {2})")
    @CsvSource(textBlock = """
        very_high, no_action,  false, true,  false
        very_high, monitor,    false, true,  false
        high,      monitor,    false, true,  false
        high,      assessment, false, false, false
        moderate,  no_action,  false, false, false
        moderate,  outreach,   false, false, false
        low,       outreach,   false, true,  false
        very_low,  assessment, false, true,  false
        very_low,  no_action,  false, false, false
        very_low,  monitor,    true,  false, true
        very_low,  outreach,   true,  true,  false
        high,      no_action,  true,  true,  true
        """)
    void judgesAgainstTheFlaggedAndRoutineBandsAndRedFlags(String band, String decision, boolean flags,
                                                                boolean againstBand, boolean againstRedFlag) {
        DecisionRules.Judgement j = DecisionRules.judge(band, FIVE, flags, decision);
        assertThat(j.againstBand()).isEqualTo(againstBand);
        assertThat(j.againstRedFlag()).isEqualTo(againstRedFlag);
        assertThat(j.bandRank()).isEqualTo(FIVE_IDS.indexOf(band));
        assertThat(j.needsReason()).isEqualTo(againstBand || againstRedFlag);
    }

    @ParameterizedTest(name = "{0} bands")
    @CsvSource({"2, 'routine,outreach'", "3, 'routine,consider,outreach'",
        "5, 'routine,routine,consider,outreach,outreach'",
        "7, 'routine,routine,routine,consider,outreach,outreach,outreach'"})
    void theBandsOwnReviewMeaningDecidesWhatGoesAgainstIt(int count, String reviews) {
        StringBuilder bounds = new StringBuilder("0");
        for (int i = 1; i < count; i++) {
            bounds.append(',').append(i / (double) (count + 1));
        }
        ScoreBands bands = ScoreBands.parse(bounds.toString());
        List<String> expected = List.of(reviews.split(","));
        for (int i = 0; i < count; i++) {
            ScoreBand b = bands.bands().get(i);
            assertThat(b.review().id()).isEqualTo(expected.get(i));
            DecisionRules.Judgement noAction = DecisionRules.judge(b.id(), bands, false, "no_action");
            DecisionRules.Judgement outreach = DecisionRules.judge(b.id(), bands, false, "outreach");
            assertThat(noAction.againstBand()).as(b.id() + " no_action").isEqualTo(b.review() == BandReview.OUTREACH);
            assertThat(outreach.againstBand()).as(b.id() + " outreach").isEqualTo(b.review() == BandReview.ROUTINE);
        }
        // A model trained with other meanings: only the top band is flagged, nothing is routine.
        ScoreBands custom = bands.withReviews(bands.bands().get(count - 1).lower(), 0);
        assertThat(DecisionRules.judge(custom.bands().get(count - 2).id(), custom, false, "no_action").againstBand())
                .isFalse();
        assertThat(DecisionRules.judge(custom.bands().get(count - 1).id(), custom, false, "no_action").againstBand())
                .isTrue();
        assertThat(DecisionRules.judge(custom.bands().get(0).id(), custom, false, "outreach").againstBand())
                .isFalse();
        assertThat(custom.outreachThreshold()).isEqualTo(bands.bands().get(count - 1).lower());
    }

    @ParameterizedTest(name = "withheld + {0}")
    @CsvSource({"outreach", "assessment", "monitor", "no_action"})
    void everyDecisionOnAWithheldScoreNeedsAReason(String decision) {
        DecisionRules.Judgement j = DecisionRules.judge(null, FIVE, false, decision);
        assertThat(j.againstBand()).isFalse();
        assertThat(j.needsReason()).isTrue();
        assertThat(DecisionRules.problems(j, null, null)).extracting(FieldProblem::field).containsExactly("reason");
        assertThat(DecisionRules.problems(j, "Seen at home.", null)).isEmpty();
    }

    @ParameterizedTest(name = "reason ''{0}'', dismisses {1}")
    @CsvSource(nullValues = "null", textBlock = """
        null,       null,  reason;dismissesRedFlags
        '  ',       false, reason;dismissesRedFlags
        Spoke to her, null,  dismissesRedFlags
        Spoke to her, true,  ''
        """)
    void dismissingARedFlagNeedsAReasonAndAnExplicitDismissal(String reason, Boolean dismisses, String fields) {
        DecisionRules.Judgement j = DecisionRules.judge("low", FIVE, true, "monitor");
        assertThat(DecisionRules.problems(j, reason, dismisses)).extracting(FieldProblem::field)
                .containsExactly(fields.isEmpty() ? new String[0] : fields.split(";"));
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"2000, 0", "2001, 1"})
    void reasonsHaveAtMost2000Characters(int length, int problems) {
        DecisionRules.Judgement j = DecisionRules.judge("high", FIVE, false, "no_action");
        assertThat(DecisionRules.problems(j, "x".repeat(length), null)).hasSize(problems);
    }
}
