package org.mimamori.api.review;

import org.mimamori.client.model.AccessPurpose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Flagged scores newer than the open one: far more than any fixed scan window. */
    private static final int NEWER = 10_000;

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

        List<ReviewedScore> items = clients().review("demo-supervisor").reviewScores(AccessPurpose.SUPERVISION, 200, 0).getItems();
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
        Agreement before = clients().review("demo-supervisor").reviewAgreement(AccessPurpose.SUPERVISION, today, today);

        DecisionsApi api = clients().decisions("demo-caseworker");
        api.createDecision(high.getId(), new DecisionRequest().decision(DecisionKind.OUTREACH));
        api.createDecision(high.getId(), new DecisionRequest().decision(DecisionKind.NO_ACTION).reason("r1"));
        api.createDecision(low.getId(), new DecisionRequest().decision(DecisionKind.MONITOR));
        api.createDecision(low.getId(), new DecisionRequest().decision(DecisionKind.NO_ACTION));
        api.createDecision(low.getId(), new DecisionRequest().decision(DecisionKind.ASSESSMENT).reason("r2"));

        Agreement after = clients().review("demo-auditor").reviewAgreement(AccessPurpose.SUPERVISION, today, today);
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

        Agreement yesterday = clients().review("demo-supervisor").reviewAgreement(AccessPurpose.SUPERVISION, today.minusDays(1),
                today.minusDays(1));
        assertThat(yesterday.getByBand()).isEmpty();
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().review("demo-supervisor").reviewAgreement(AccessPurpose.SUPERVISION, today, today.minusDays(1)));
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
        assertThat(clients().review("demo-supervisor").openRedFlags(AccessPurpose.SUPERVISION))
                .noneMatch(f -> f.getScoreId().equals(flagged.getId()));
    }

    @Test
    void onlySupervisorsAuditorsAndAdminsReview() {
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().review("demo-caseworker").reviewScores(AccessPurpose.SUPERVISION, 10, 0));
        assertThat(e.getStatusCode().value()).isEqualTo(403);
        e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().review(null).openRedFlags(AccessPurpose.SUPERVISION));
        assertThat(e.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aPageOfOneHoldsExactlyTheNewestScore() {
        Score newest = score(Cases.low("C-R-0006"));
        String expected = jdbc.queryForObject("SELECT id FROM score ORDER BY created_at DESC, id LIMIT 1",
                String.class);
        org.mimamori.client.model.ReviewedScores page = clients().review("demo-auditor").reviewScores(AccessPurpose.AUDIT, 1, 0);
        assertThat(page.getItems()).extracting(i -> i.getScore().getId().toString()).containsExactly(expected);
        assertThat(page.getItems().get(0).getScore().getId()).isEqualTo(newest.getId());
        assertThat(page.getTotal()).isEqualTo(rows("score"));
    }

    @Test
    void anOpenRedFlagIsFoundAmongTenThousandNewerFlaggedScores() {
        Score open = score(Cases.lowWithRedFlag("C-R-0005"));
        Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM score WHERE id = ?", open.getId().toString());
        // the newer scores are stored as scores were before V21, with their response (so they need no rendering)
        String response = http().get("/api/v1/scores/" + open.getId() + "?purpose=supervision", "demo-supervisor")
                .body();
        assertThat(response).contains(open.getId().toString());
        assertThat(((Number) stored.get("red_flag_count")).intValue()).isEqualTo(open.getRedFlags().size());
        Timestamp newer = Timestamp.from(jdbc.queryForObject("SELECT created_at FROM score WHERE id = ?",
                Timestamp.class, open.getId().toString()).toInstant().plusMillis(1));
        List<Object[]> scores = new ArrayList<>();
        List<Object[]> decisions = new ArrayList<>();
        for (int i = 0; i < NEWER; i++) {
            String id = UUID.randomUUID().toString();
            String ref = String.format("C-RF-%05d", i);
            // As the service stored a score: its own id and child in the stored request and response.
            scores.add(new Object[] {id, ref, stored.get("purpose"), stored.get("model_version"),
                    stored.get("schema_id"), stored.get("requested_by"), stored.get("requester_role"), newer,
                    ((String) stored.get("request_json")).replace("C-R-0005", ref),
                    response.replace(open.getId().toString(), id)
                            .replace("C-R-0005", ref),
                    stored.get("band_id"), stored.get("probability"), stored.get("red_flag_count")});
            decisions.add(new Object[] {UUID.randomUUID().toString(), id, "outreach", stored.get("band_id"),
                    "demo-caseworker", "caseworker", newer});
        }
        long started = System.nanoTime();
        try {
            jdbc.batchUpdate("INSERT INTO score (id, child_ref, purpose, model_version, schema_id, requested_by, "
                    + "requester_role, created_at, request_json, response_json, band_id, probability, "
                    + "red_flag_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", scores);
            jdbc.batchUpdate("INSERT INTO decision (id, score_id, decision, dismisses_red_flags, band, band_rank, "
                    + "against_band, against_red_flag, decided_by, decider_role, decided_at, sign_off_status) "
                    + "VALUES (?,?,?,FALSE,?,0,FALSE,FALSE,?,?,?,'not_needed')", decisions);
            List<OpenRedFlag> flags = clients().review("demo-supervisor").openRedFlags(AccessPurpose.SUPERVISION);
            assertThat(flags).filteredOn(f -> f.getScoreId().equals(open.getId())).singleElement()
                    .satisfies(f -> assertThat(f.getStatus()).isEqualTo(OpenRedFlag.StatusEnum.NO_DECISION));
            assertThat(flags).noneMatch(f -> f.getChildRef().startsWith("C-RF-"));
            assertThat(System.nanoTime() - started).as("within a minute").isLessThan(60_000_000_000L);
        } finally {
            jdbc.update("DELETE FROM decision WHERE score_id IN (SELECT id FROM score WHERE child_ref LIKE 'C-RF-%')");
            jdbc.update("DELETE FROM score WHERE child_ref LIKE 'C-RF-%'");
        }
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
        return clients().review("demo-supervisor").openRedFlags(AccessPurpose.SUPERVISION).stream()
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
