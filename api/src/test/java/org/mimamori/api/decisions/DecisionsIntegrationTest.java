package org.mimamori.api.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.model.Decision;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.Outcome;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.SignOff;
import org.mimamori.client.model.SignOffRequest;
import org.mimamori.client.model.SupportType;
import org.springframework.web.client.HttpClientErrorException;

/** Decisions with reasons, red-flag sign-offs and outcomes, through the generated client and a real database. */
class DecisionsIntegrationTest extends IntegrationTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Score score(org.mimamori.client.model.ScoreRequest request) {
        return clients().scores("demo-caseworker").createScore(request, "en");
    }

    @Test
    void followingTheBandNeedsNoReason() {
        Score high = score(Cases.high("C-D-0001"));
        assertThat(high.getBand().getId()).isIn("high", "very_high");
        Decision d = clients().decisions("demo-caseworker").createDecision(high.getId(),
                new DecisionRequest().decision(DecisionKind.OUTREACH));
        assertThat(d.getScoreId()).isEqualTo(high.getId());
        assertThat(d.getDecision()).isEqualTo(DecisionKind.OUTREACH);
        assertThat(d.getAgainstBand()).isFalse();
        assertThat(d.getAgainstRedFlag()).isFalse();
        assertThat(d.getReason()).isNull();
        assertThat(d.getDecidedBy()).isEqualTo("demo-caseworker");
        assertThat(d.getBand()).isEqualTo(high.getBand().getId());
        assertThat(d.getSignOff().getRequired()).isFalse();
        assertThat(d.getSignOff().getStatus()).isEqualTo(SignOff.StatusEnum.NOT_NEEDED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'decision.create' "
                + "AND resource = ?", Long.class, "decision/" + d.getId())).isEqualTo(1);
    }

    @Test
    void againstTheBandNeedsAReasonAndNothingIsStoredWithout() throws Exception {
        Score high = score(Cases.high("C-D-0002"));
        Score low = score(Cases.low("C-D-0003"));
        assertThat(low.getBand().getId()).isIn("very_low", "low");
        long decisions = rows("decision");
        long audits = lastAuditId();
        for (Object[] c : new Object[][] {{high, DecisionKind.NO_ACTION}, {high, DecisionKind.MONITOR},
                {low, DecisionKind.OUTREACH}, {low, DecisionKind.ASSESSMENT}}) {
            HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                    () -> clients().decisions("demo-caseworker").createDecision(((Score) c[0]).getId(),
                            new DecisionRequest().decision((DecisionKind) c[1]).reason("  ")));
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            assertThat(fields(e)).containsExactly("reason");
        }
        assertThat(rows("decision")).isEqualTo(decisions);
        assertThat(auditOutcomesAfter(audits)).as("each refusal, recorded as such")
                .containsExactly("invalid", "invalid", "invalid", "invalid");

        Decision d = clients().decisions("demo-caseworker").createDecision(high.getId(), new DecisionRequest()
                .decision(DecisionKind.NO_ACTION).reason("Known family; the school reports a stable term."));
        assertThat(d.getAgainstBand()).isTrue();
        assertThat(d.getAgainstRedFlag()).isFalse();
        assertThat(d.getReason()).isEqualTo("Known family; the school reports a stable term.");
        assertThat(d.getSignOff().getStatus()).isEqualTo(SignOff.StatusEnum.NOT_NEEDED);
        assertThat(jdbc.queryForObject("SELECT against_band FROM decision WHERE id = ?", Boolean.class,
                d.getId().toString())).isTrue();
    }

    @Test
    void dismissingARedFlagNeedsAReasonTheDismissalAndASupervisorsSignOff() throws Exception {
        Score flagged = score(Cases.lowWithRedFlag("C-D-0004"));
        assertThat(flagged.getRedFlags()).isNotEmpty();
        long decisions = rows("decision");
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-caseworker").createDecision(flagged.getId(),
                        new DecisionRequest().decision(DecisionKind.MONITOR)));
        assertThat(e.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(e)).containsExactlyInAnyOrder("reason", "dismissesRedFlags");
        e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-caseworker").createDecision(flagged.getId(),
                        new DecisionRequest().decision(DecisionKind.MONITOR).reason("Spoke to the child.")));
        assertThat(fields(e)).containsExactly("dismissesRedFlags");
        assertThat(rows("decision")).isEqualTo(decisions);

        Decision d = clients().decisions("demo-caseworker").createDecision(flagged.getId(), new DecisionRequest()
                .decision(DecisionKind.MONITOR).reason("Spoke to the child; the request was about homework.")
                .dismissesRedFlags(true));
        assertThat(d.getAgainstRedFlag()).isTrue();
        assertThat(d.getSignOff().getRequired()).isTrue();
        assertThat(d.getSignOff().getStatus()).isEqualTo(SignOff.StatusEnum.PENDING);

        SignOffRequest approve = new SignOffRequest().approve(true).note("Checked with the school nurse.");
        e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-caseworker").signOffDecision(d.getId(), approve));
        assertThat(e.getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT sign_off_status FROM decision WHERE id = ?", String.class,
                d.getId().toString())).isEqualTo("pending");

        Decision signed = clients().decisions("demo-supervisor").signOffDecision(d.getId(), approve);
        assertThat(signed.getSignOff().getStatus()).isEqualTo(SignOff.StatusEnum.SIGNED);
        assertThat(signed.getSignOff().getBy()).isEqualTo("demo-supervisor");
        assertThat(signed.getSignOff().getNote()).isEqualTo("Checked with the school nurse.");
        assertThat(signed.getSignOff().getAt()).isNotNull();

        e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-supervisor").signOffDecision(d.getId(), approve));
        assertThat(e.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aSupervisorMayRejectButNotSignOffTheirOwnDecision() {
        Score flagged = score(Cases.lowWithRedFlag("C-D-0005"));
        Decision own = clients().decisions("demo-supervisor").createDecision(flagged.getId(), new DecisionRequest()
                .decision(DecisionKind.NO_ACTION).reason("Mistaken entry.").dismissesRedFlags(true));
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-supervisor").signOffDecision(own.getId(),
                        new SignOffRequest().approve(true).note("mine")));
        assertThat(e.getStatusCode().value()).isEqualTo(409);

        Decision other = clients().decisions("demo-caseworker").createDecision(flagged.getId(), new DecisionRequest()
                .decision(DecisionKind.NO_ACTION).reason("Mistaken entry.").dismissesRedFlags(true));
        Decision rejected = clients().decisions("demo-supervisor").signOffDecision(other.getId(),
                new SignOffRequest().approve(false).note("A child's own request stands; visit this week."));
        assertThat(rejected.getSignOff().getStatus()).isEqualTo(SignOff.StatusEnum.REJECTED);
    }

    @Test
    void unknownScoresAndRolesThatMayNotDecide() throws Exception {
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-caseworker").createDecision(UUID.randomUUID(),
                        new DecisionRequest().decision(DecisionKind.OUTREACH)));
        assertThat(e.getStatusCode().value()).isEqualTo(404);
        e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-auditor").createDecision(UUID.randomUUID(),
                        new DecisionRequest().decision(DecisionKind.OUTREACH)));
        assertThat(e.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void oneOutcomePerScore() throws Exception {
        Score s = score(Cases.high("C-D-0006"));
        long outcomes = rows("outcome");
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-caseworker").recordOutcome(s.getId(), new OutcomeRequest()
                        .needConfirmed(false).supportTypes(List.of(SupportType.POVERTY))
                        .confirmedOn(LocalDate.now().plusDays(3))));
        assertThat(e.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(e)).containsExactlyInAnyOrder("confirmedOn", "supportTypes");
        assertThat(rows("outcome")).isEqualTo(outcomes);

        OutcomeRequest request = new OutcomeRequest().needConfirmed(true)
                .supportTypes(List.of(SupportType.POVERTY, SupportType.SCHOOL_REFUSAL))
                .confirmedOn(LocalDate.of(2026, 3, 2));
        Outcome o = clients().decisions("demo-caseworker").recordOutcome(s.getId(), request);
        assertThat(o.getScoreId()).isEqualTo(s.getId());
        assertThat(o.getNeedConfirmed()).isTrue();
        assertThat(o.getSupportTypes()).containsExactly(SupportType.POVERTY, SupportType.SCHOOL_REFUSAL);
        assertThat(o.getConfirmedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(o.getRecordedBy()).isEqualTo("demo-caseworker");
        assertThat(jdbc.queryForObject("SELECT support_types FROM outcome WHERE score_id = ?", String.class,
                s.getId().toString())).isEqualTo("poverty,school_refusal");

        e = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().decisions("demo-supervisor").recordOutcome(s.getId(), request));
        assertThat(e.getStatusCode().value()).isEqualTo(409);
        assertThat(e.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(rows("outcome")).isEqualTo(outcomes + 1);
    }

    static List<String> fields(HttpClientErrorException e) throws Exception {
        JsonNode body = JSON.readTree(e.getResponseBodyAsString());
        assertThat(e.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
        return body.path("errors").findValuesAsText("field");
    }
}
