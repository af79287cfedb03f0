package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.Screenings;
import org.mimamori.api.support.TestBundles;
import org.mimamori.model.metrics.ScoreBands;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code mimamori.judgement-first=true} a caseworker sees no number or band on any read path until their
 * own assessment of the child is recorded; supervisors and auditors, who review, see them.
 */
class JudgementFirstIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields of a score that hold numbers or bands. */
    private static final List<String> SCORE_NUMBERS = List.of("probability", "interval", "band", "baseline", "logit",
            "contributions", "unrecorded", "missingInformation", "bandMoves");

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static Clients clients;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(MimamoriApiApplication.class)
                .run("--server.port=0", "--mimamori.data-dir=" + DataDirs.fresh("judgement-first"),
                        "--spring.jmx.enabled=false", "--mimamori.models.demo-when-empty=false",
                        "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                        "--mimamori.judgement-first=true");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        http = new Http(port);
        clients = new Clients(port);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aScoreWithoutPriorAssessmentIsRefusedAndNothingIsStored() throws Exception {
        Long scores = jdbc.queryForObject("SELECT COUNT(*) FROM score", Long.class);
        Long audits = jdbc.queryForObject("SELECT MAX(id) FROM audit_event", Long.class);
        HttpResponse<String> refused = http.post("/api/v1/scores", "demo-caseworker", """
                {"childRef":"C-0100","purpose":"case_review","items":{"age_years":9}}""");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("priorAssessment");
        assertThat(problem.path("errors").get(0).path("message").asText())
                .contains("record your own assessment before you see the score");
        assertNoBand(refused.body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score", Long.class)).isEqualTo(scores);
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE id > ?", String.class,
                audits == null ? 0 : audits)).as("the refusal, recorded as such").containsExactly("invalid");

        HttpResponse<String> given = http.post("/api/v1/scores", "demo-caseworker", """
                {"childRef":"C-0100","purpose":"case_review","items":{"age_years":9},
                 "priorAssessment":{"level":"low"}}""");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        assertNumbers(JSON.readTree(given.body()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score", Long.class)).isEqualTo(scores + 1);
        String id = JSON.readTree(given.body()).path("id").asText();
        assertNumbers(json(http.get("/api/v1/scores/" + id, "demo-caseworker")));
    }

    @Test
    void everyReadPathHidesNumbersFromACaseworkerUntilTheirOwnAssessment() throws Exception {
        UUID screening = clients.screenings("demo-supervisor")
                .createScreening(Cohorts.cohort(20, 4).toFile(), "en").getId();
        Screenings.await(clients.screenings("demo-supervisor"), screening);
        String entriesPath = "/api/v1/screenings/" + screening + "/entries?limit=1000";

        // Screening entries: no probability, band, rank or contributions; red flags first, then file order.
        HttpResponse<String> page = http.get(entriesPath, "demo-caseworker");
        assertThat(page.statusCode()).isEqualTo(200);
        assertNoBand(page.body());
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(page.body()).path("entries").forEach(entries::add);
        assertThat(entries).hasSize(20).allSatisfy(e -> {
            assertThat(e.has("probability")).isFalse();
            assertThat(e.has("band")).isFalse();
            assertThat(e.has("rank")).isFalse();
            assertThat(e.path("topContributions").size()).isZero();
            assertThat(e.path("numbersHidden").asBoolean()).isTrue();
        });
        int flagged = (int) entries.stream().filter(e -> e.path("redFlags").size() > 0).count();
        for (int i = 1; i < entries.size(); i++) {
            if (i != flagged) {
                assertThat(entries.get(i).path("id").asInt()).isGreaterThan(entries.get(i - 1).path("id").asInt());
            }
        }
        HttpResponse<String> byBand = http.get(entriesPath + "&band=very_high", "demo-caseworker");
        assertThat(byBand.statusCode()).isEqualTo(400);
        assertThat(byBand.body()).contains("\"field\":\"band\"");

        // Marking an entry answers it without numbers too.
        int entryId = entries.get(0).path("id").asInt();
        HttpResponse<String> marked = http.send("PATCH", "/api/v1/screenings/" + screening + "/entries/" + entryId,
                "demo-caseworker", "application/json", "{\"status\":\"reviewed_outreach\"}".getBytes());
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(json(marked).has("probability") || json(marked).has("band")).isFalse();

        // The score of every entry: no number or band.
        String scoreId = entries.get(0).path("scoreId").asText();
        String other = entries.get(1).path("scoreId").asText();
        for (JsonNode e : entries) {
            HttpResponse<String> score = http.get("/api/v1/scores/" + e.path("scoreId").asText(), "demo-caseworker");
            assertThat(score.statusCode()).isEqualTo(200);
            assertHidden(score.body());
        }
        // Similar past cases are figures too: refused until the caseworker's own assessment.
        HttpResponse<String> similar = http.get("/api/v1/scores/" + scoreId + "/similar-outcomes?purpose=case_review",
                "demo-caseworker");
        assertThat(similar.statusCode()).as(similar.body()).isEqualTo(409);
        assertThat(similar.body()).contains("own assessment").doesNotContain("share");
        // The review endpoints (the review page's data besides the screening list) are not a caseworker's.
        for (String path : List.of("/api/v1/review/scores", "/api/v1/review/red-flags", "/api/v1/review/agreement")) {
            HttpResponse<String> r = http.get(path, "demo-caseworker");
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertNoBand(r.body());
        }
        // Supervisors and auditors, who review, see the numbers; a supervisor's assessment is not the caseworker's.
        assertNumbers(json(http.get("/api/v1/scores/" + scoreId, "demo-supervisor")));
        assertNumbers(json(http.get("/api/v1/scores/" + scoreId, "demo-auditor")));
        assertThat(http.post("/api/v1/scores/" + other + "/assessments", "demo-supervisor",
                "{\"level\":\"high\"}").statusCode()).isEqualTo(201);
        assertHidden(http.get("/api/v1/scores/" + other, "demo-caseworker").body());

        // The caseworker records their own assessment: now the numbers appear, for that child only.
        HttpResponse<String> assessed = http.post("/api/v1/scores/" + scoreId + "/assessments", "demo-caseworker",
                "{\"level\":\"moderate\",\"note\":\"Seen at school.\"}");
        assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(201);
        assertThat(assessed.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/scores/" + scoreId);
        assertNumbers(json(assessed));
        assertNumbers(json(http.get("/api/v1/scores/" + scoreId, "demo-caseworker")));
        assertHidden(http.get("/api/v1/scores/" + other, "demo-caseworker").body());
        assertThat(http.get("/api/v1/scores/" + scoreId + "/similar-outcomes?purpose=case_review", "demo-caseworker")
                .statusCode()).isEqualTo(200);
        JsonNode after = JSON.readTree(http.get(entriesPath, "demo-caseworker").body()).path("entries");
        for (JsonNode e : after) {
            boolean own = e.path("scoreId").asText().equals(scoreId);
            assertThat(e.path("numbersHidden").asBoolean()).as("entry %s", e.path("id")).isEqualTo(!own);
            assertThat(e.path("topContributions").size() > 0).isEqualTo(own);
            assertThat(e.has("rank")).isFalse();
        }

        // The supervisor's review shows both own assessments beside the model's band.
        JsonNode reviewed = null;
        for (JsonNode item : json(http.get("/api/v1/review/scores?limit=200", "demo-supervisor")).path("items")) {
            if (item.path("score").path("id").asText().equals(scoreId)) {
                reviewed = item;
            }
        }
        assertThat(reviewed).isNotNull();
        assertThat(reviewed.path("ownAssessments").findValuesAsText("level")).containsExactly("moderate");
        assertThat(reviewed.path("ownAssessments").get(0).path("assessedBy").asText()).isEqualTo("demo-caseworker");

        // A later score of the same child waits for a new assessment.
        UUID again = clients.screenings("demo-supervisor")
                .createScreening(Cohorts.cohort(20, 4).toFile(), "en").getId();
        Screenings.await(clients.screenings("demo-supervisor"), again);
        JsonNode same = JSON.readTree(http.get("/api/v1/screenings/" + again + "/entries?limit=1000",
                "demo-caseworker").body()).path("entries");
        assertThat(same).allSatisfy(e -> assertThat(e.path("numbersHidden").asBoolean()).isTrue());
    }

    private static JsonNode json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A score without any number or band, marked as hidden. */
    private static void assertHidden(String body) throws Exception {
        JsonNode score = JSON.readTree(body);
        for (String field : SCORE_NUMBERS) {
            assertThat(score.has(field)).as(field).isFalse();
        }
        assertThat(score.path("numbersHidden").asBoolean()).isTrue();
        assertThat(score.path("warnings").findValuesAsText("code")).doesNotContain("interval_too_wide");
        assertNoBand(body);
        assertThat(body).doesNotContain("%");
    }

    /** A score with its numbers (the estimate too unless it was withheld). */
    private static void assertNumbers(JsonNode score) {
        assertThat(score.has("numbersHidden")).isFalse();
        assertThat(score.has("baseline")).isTrue();
        assertThat(score.path("contributions").size()).isPositive();
        assertThat(score.has("probability")).isEqualTo(score.path("reliable").asBoolean());
        assertThat(score.has("band")).isEqualTo(score.path("reliable").asBoolean());
    }

    /** No band id of the test bundle's (default) bands appears as a JSON value. */
    private static void assertNoBand(String body) {
        ScoreBands.defaults().bands().forEach(b -> assertThat(body).doesNotContain("\"" + b.id() + "\""));
    }
}
