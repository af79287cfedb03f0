package org.mimamori.api.scoring;

import org.mimamori.client.model.AccessPurpose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.model.scoring.ExplainedScore;
import org.springframework.beans.factory.annotation.Autowired;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.model.AuditEvent;
import org.mimamori.client.model.Contribution;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.ScoreRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ScoringIntegrationTest extends IntegrationTestBase {

    @Autowired
    private ActiveModels models;

    @Test
    void explainedRoundTrip() {
        long before = rows("score");
        ResponseEntity<Score> response = clients().scores("demo-caseworker")
                .createScoreWithHttpInfo(Requests.schoolChild(), "en");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Score s = response.getBody();
        assertThat(s).isNotNull();
        assertThat(response.getHeaders().getLocation()).isNotNull();
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/scores/" + s.getId());
        assertThat(rows("score")).isEqualTo(before + 1);

        assertThat(s.getModelVersion()).isNotBlank();
        assertThat(s.getSchemaId()).isEqualTo("child-support-v1");
        assertThat(s.getChildRef()).isEqualTo("C-2024-000123");
        assertThat(s.getRequestedBy()).isEqualTo("demo-caseworker");
        assertThat(s.getCreatedAt()).isNotNull();
        assertThat(s.getTarget()).contains("need for support");
        assertThat(s.getDecisionNotice()).contains("decision is yours");
        assertThat(s.getPriorAssessment().getNote()).isEqualTo("Attendance dropped after the summer.");
        assertThat(s.getReliable()).as("as the model library says")
                .isEqualTo(library(Requests.schoolChildItems()).estimate() != null);

        assertThat(s.getContributions()).isNotEmpty();
        double sum = s.getBaseline() + s.getUnrecorded().getContribution()
                + s.getContributions().stream().mapToDouble(Contribution::getContribution).sum();
        assertThat(sum).isCloseTo(s.getLogit(), within(1e-9));
        Contribution absences = s.getContributions().stream()
                .filter(c -> c.getItem().equals("absence_days_term")).findFirst().orElseThrow();
        assertThat(absences.getLabel()).isEqualTo("Days absent this term");
        assertThat(absences.getValue()).isEqualTo("12");
        assertThat(absences.getState()).isNotBlank();
        assertThat(absences.getDirection().getValue())
                .isEqualTo(absences.getContribution() > 0 ? "raises" : absences.getContribution() < 0 ? "lowers"
                        : "neutral");
        assertThat(s.getContributions()).filteredOn(c -> c.getItem().equals("infant_checkups_missed"))
                .allMatch(c -> c.getValue().equals("not_applicable"));
        assertThat(s.getContributions()).filteredOn(c -> c.getItem().equals("dv_consultation"))
                .allMatch(c -> c.getValue().equals("unknown"));
    }

    @Test
    void aReliableEstimateCarriesTheLibrarysNumbersAndBand() {
        Map<String, Object> items = new java.util.HashMap<>(Map.of("age_years", 12, "household_size", 4,
                "moves_last_3_years", 0, "prior_consultations", 0, "lunch_fee_arrears_months", 0,
                "prior_abuse_reports", 0, "vaccinations_missed", 0, "absence_days_term", 3));
        items.putAll(Map.of("single_parent", false, "public_assistance", false, "child_rearing_allowance", "no",
                "school_expense_aid", false));
        ExplainedScore expected = library(items);
        assertThat(expected.estimate()).as("the test bundle gives this case a reliable estimate").isNotNull();
        Score s = clients().scores("demo-caseworker").createScore(new ScoreRequest().childRef("C-2024-000130")
                .purpose(org.mimamori.client.model.Purpose.CASE_REVIEW).items(items), "en");
        assertThat(s.getReliable()).isTrue();
        assertThat(s.getProbability()).isEqualTo(expected.estimate().probability());
        assertThat(s.getInterval().getLow()).isEqualTo(expected.estimate().low());
        assertThat(s.getInterval().getHigh()).isEqualTo(expected.estimate().high());
        assertThat(s.getBand().getId()).isEqualTo(expected.estimate().band().id());
        assertThat(s.getBand().getMeaning()).isNotBlank();
        assertThat(s.getWarnings()).noneMatch(w -> w.getCode().equals("interval_too_wide"));
    }

    @Test
    void aTooWideIntervalWithholdsTheNumbersButKeepsTheExplanation() {
        Map<String, Object> items = new java.util.HashMap<>(Map.of("age_years", 9, "household_size", 4,
                "moves_last_3_years", 1, "prior_consultations", 1, "lunch_fee_arrears_months", 2,
                "prior_abuse_reports", 3, "vaccinations_missed", 3, "absence_days_term", 21));
        ExplainedScore expected = library(items);
        assertThat(expected.estimate()).as("the test bundle's interval for this case is too wide").isNull();
        Score s = clients().scores("demo-caseworker").createScore(new ScoreRequest().childRef("C-2024-000129")
                .purpose(org.mimamori.client.model.Purpose.CASE_REVIEW).items(items), "en");
        assertThat(s.getReliable()).isFalse();
        assertThat(s.getProbability()).isNull();
        assertThat(s.getInterval()).isNull();
        assertThat(s.getBand()).isNull();
        assertThat(s.getWarnings()).anyMatch(w -> w.getCode().equals("interval_too_wide"));
        assertThat(s.getContributions()).isNotEmpty();
        double sum = s.getBaseline() + s.getUnrecorded().getContribution()
                + s.getContributions().stream().mapToDouble(Contribution::getContribution).sum();
        assertThat(sum).isCloseTo(s.getLogit(), within(1e-9));
    }

    /** What the model library says of a case under the active bundle: the oracle the service must match. */
    private ExplainedScore library(Map<String, Object> items) {
        var scorer = models.current().scorer();
        return scorer.score(CaseReader.read(scorer.schema(), items));
    }

    @Test
    void labelsAndMessagesFollowAcceptLanguage() {
        Score s = clients().scores("demo-supervisor").createScore(Requests.schoolChild(), "ja-JP,ja;q=0.9");
        assertThat(s.getLanguage()).isEqualTo("ja");
        assertThat(s.getContributions()).filteredOn(c -> c.getItem().equals("age_years"))
                .allMatch(c -> c.getLabel().equals("年齢"));
        assertThat(s.getDecisionNotice()).contains("判断");
        assertThat(s.getRequestedBy()).isEqualTo("demo-supervisor");
    }

    @Test
    void aScoreReadBackIsExactlyTheOneGiven() {
        HttpResponse<String> created = http().post("/api/v1/scores", "demo-caseworker", Requests.schoolChildJson());
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = java.net.URI.create(location).getPath();
        HttpResponse<String> read = http().get(path, "demo-caseworker");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(read.body()).isEqualTo(created.body());

        Score given = clients().scores("demo-caseworker").createScore(Requests.schoolChild(), null);
        Score again = clients().scores("demo-auditor").getScore(given.getId(), AccessPurpose.CASE_REVIEW);
        assertThat(again).isEqualTo(given);
    }

    @Test
    void scoringAndReadingAreAudited() {
        Score s = clients().scores("demo-caseworker").createScore(Requests.schoolChild(), null);
        clients().scores("demo-auditor").getScore(s.getId(), AccessPurpose.CASE_REVIEW);
        var events = clients().audit("demo-auditor").listAuditEvents(AccessPurpose.AUDIT, 50);
        assertThat(events).anySatisfy(e -> assertEvent(e, "score.create", "demo-caseworker", "caseworker",
                "score/" + s.getId()));
        assertThat(events).anySatisfy(e -> assertEvent(e, "score.read", "demo-auditor", "auditor",
                "score/" + s.getId()));
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM score WHERE id = ?", s.getId().toString());
        assertThat(row.get("model_version")).isEqualTo(s.getModelVersion());
        assertThat(row.get("requested_by")).isEqualTo("demo-caseworker");
        assertThat(row.get("purpose")).isEqualTo("case_review");
        assertThat((String) row.get("request_json")).contains("\"absence_days_term\":12");
    }

    private static void assertEvent(AuditEvent e, String action, String actor, String role, String resource) {
        assertThat(e.getAction()).isEqualTo(action);
        assertThat(e.getActor()).isEqualTo(actor);
        assertThat(e.getRole()).isEqualTo(role);
        assertThat(e.getResource()).isEqualTo(resource);
        assertThat(e.getPurpose()).isEqualTo("case_review");
        assertThat(e.getOutcome()).isEqualTo("ok");
    }

    @Test
    void redFlagsStandAboveTheScore() {
        ScoreRequest r = Requests.schoolChild();
        r.getItems().put("child_asked_for_help", true);
        Score s = clients().scores("demo-caseworker").createScore(r, null);
        assertThat(s.getRedFlags()).anySatisfy(f -> {
            assertThat(f.getItem()).isEqualTo("child_asked_for_help");
            assertThat(f.getMessage()).contains("asked for help");
        });
    }

    @Test
    void anEmptyCaseIsScoredWithWarningsAboutWhatTheModelCannotSee() {
        ScoreRequest r = new ScoreRequest().childRef("C-0001").purpose(org.mimamori.client.model.Purpose.SCREENING)
                .items(new java.util.HashMap<>());
        Score s = clients().scores("demo-caseworker").createScore(r, null);
        assertThat(s.getWarnings()).isNotEmpty();
        assertThat(s.getWarnings()).allSatisfy(w -> assertThat(w.getMessage()).isNotBlank());
    }
}
