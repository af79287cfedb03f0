package org.mimamori.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.api.DecisionsApi;
import org.mimamori.client.model.Agreement;
import org.mimamori.client.model.AgreementRow;
import org.mimamori.client.model.Decision;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.OpenRedFlag;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.ReviewedScore;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.SignOffRequest;
import org.springframework.web.client.HttpClientErrorException;

/** The review endpoints show overrides with their reasons, count agreement and list open red flags. */
class ReviewIntegrationTest extends IntegrationTestBase {

    private Score score(org.mimamori.client.model.ScoreRequest request) {
        return clients().scores("demo-caseworker").createScore(request, "en");
    }

    @Test
    void recentScoresShowTheExplanationTheOverrideAndItsReasonAndTheOutcome() {
        Score high = score(Cases.high("C-R-0001"));
        clients().decisions("demo-caseworker").createDecision(high.getId(), new DecisionRequest()
                .decision(DecisionKind.MONITOR).reason("Grandmother moved in; attendance recovering."));
        clients().decisions("demo-caseworker").recordOutcome(high.getId(),
                new OutcomeRequest().needConfirmed(false).confirmedOn(LocalDate.of(2026, 1, 15)));

        List<ReviewedScore> items = clients().review("demo-supervisor").reviewScores(200, 0).getItems();
        ReviewedScore reviewed = items.stream().filter(i -> i.getScore().getId().equals(high.getId()))
                .findFirst().orElseThrow();
        assertThat(reviewed.getScore().getContributions()).isEqualTo(high.getContributions());
        assertThat(reviewed.getScore().getBand()).isEqualTo(high.getBand());
        assertThat(reviewed.getDecisions()).hasSize(1);
        Decision d = reviewed.getDecisions().get(0);
        assertThat(d.getAgainstBand()).isTrue();
        assertThat(d.getReason()).isEqualTo("Grandmother moved in; attendance recovering.");
        assertThat(reviewed.getOutcome().getNeedConfirmed()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'review.scores' "
                + "AND actor = 'demo-supervisor'", Long.class)).isPositive();
    }

    @Test
    void agreementCountsAHandMadeSetByBandAndWeek() {
        Score high = score(Cases.high("C-R-0002"));
        Score low = score(Cases.low("C-R-0003"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Agreement before = clients().review("demo-supervisor").reviewAgreement(today, today);

        DecisionsApi api = clients().decisions("demo-caseworker");
        api.createDecision(high.getId(), new DecisionRequest().decision(DecisionKind.OUTREACH));
        api.createDecision(high.getId(), new DecisionRequest().decision(DecisionKind.NO_ACTION).reason("r1"));
        api.createDecision(low.getId(), new DecisionRequest().decision(DecisionKind.MONITOR));
        api.createDecision(low.getId(), new DecisionRequest().decision(DecisionKind.NO_ACTION));
        api.createDecision(low.getId(), new DecisionRequest().decision(DecisionKind.ASSESSMENT).reason("r2"));

        Agreement after = clients().review("demo-auditor").reviewAgreement(today, today);
        assertDelta(row(before.getByBand(), high.getBand().getId()), row(after.getByBand(), high.getBand().getId()),
                2, 1, 1);
        assertDelta(row(before.getByBand(), low.getBand().getId()), row(after.getByBand(), low.getBand().getId()),
                3, 2, 1);
        String week = String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertDelta(row(before.getByWeek(), week), row(after.getByWeek(), week), 5, 3, 2);
        AgreementRow highRow = row(after.getByBand(), high.getBand().getId());
        assertThat(highRow.getShare()).isEqualTo((double) highRow.getAgreeing() / highRow.getN());
        assertThat(after.getByBand().indexOf(highRow))
                .isLessThan(after.getByBand().indexOf(row(after.getByBand(), low.getBand().getId())));

        Agreement yesterday = clients().review("demo-supervisor").reviewAgreement(today.minusDays(1),
                today.minusDays(1));
        assertThat(yesterday.getByBand()).isEmpty();
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().review("demo-supervisor").reviewAgreement(today, today.minusDays(1)));
        assertThat(e.getStatusCode().value()).isEqualTo(400);
        assertThat(e.getResponseBodyAsString()).contains("\"field\":\"to\"");
    }

    @Test
    void openRedFlagsDisappearAfterSignOff() {
        Score flagged = score(Cases.lowWithRedFlag("C-R-0004"));
        assertThat(open(flagged.getId())).extracting(OpenRedFlag::getStatus)
                .isEqualTo(OpenRedFlag.StatusEnum.NO_DECISION);
        assertThat(open(flagged.getId()).getRedFlags()).isEqualTo(flagged.getRedFlags());

        Decision d = clients().decisions("demo-caseworker").createDecision(flagged.getId(), new DecisionRequest()
                .decision(DecisionKind.MONITOR).reason("The request was about a lost bag.").dismissesRedFlags(true));
        OpenRedFlag pending = open(flagged.getId());
        assertThat(pending.getStatus()).isEqualTo(OpenRedFlag.StatusEnum.SIGN_OFF_PENDING);
        assertThat(pending.getDecision().getReason()).isEqualTo("The request was about a lost bag.");

        clients().decisions("demo-supervisor").signOffDecision(d.getId(),
                new SignOffRequest().approve(true).note("Confirmed with the teacher."));
        assertThat(clients().review("demo-supervisor").openRedFlags())
                .noneMatch(f -> f.getScoreId().equals(flagged.getId()));
    }

    @Test
    void onlySupervisorsAuditorsAndAdminsReview() {
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().review("demo-caseworker").reviewScores(10, 0));
        assertThat(e.getStatusCode().value()).isEqualTo(403);
        e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().review(null).openRedFlags());
        assertThat(e.getStatusCode().value()).isEqualTo(401);
        assertThat(clients().review("demo-admin").reviewScores(1, 0).getItems()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void badPagingIsRefusedNamingTheParameter() {
        for (String[] c : new String[][] {{"limit=0", "limit"}, {"limit=201", "limit"}, {"offset=-1", "offset"},
                {"limit=x", "limit"}}) {
            java.net.http.HttpResponse<String> r = http().get("/api/v1/review/scores?" + c[0], "demo-supervisor");
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains("\"field\":\"" + c[1] + "\"");
        }
    }

    private OpenRedFlag open(UUID scoreId) {
        return clients().review("demo-supervisor").openRedFlags().stream()
                .filter(f -> f.getScoreId().equals(scoreId)).findFirst().orElseThrow();
    }

    private static AgreementRow row(List<AgreementRow> rows, String key) {
        return rows.stream().filter(r -> r.getKey().equals(key)).findFirst()
                .orElse(new AgreementRow().key(key).n(0L).agreeing(0L).overriding(0L).share(0.0));
    }

    private static void assertDelta(AgreementRow before, AgreementRow after, long n, long agreeing,
                                    long overriding) {
        assertThat(after.getN() - before.getN()).isEqualTo(n);
        assertThat(after.getAgreeing() - before.getAgreeing()).isEqualTo(agreeing);
        assertThat(after.getOverriding() - before.getOverriding()).isEqualTo(overriding);
    }
}
