package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.KeptResponses;
import org.mimamori.api.support.Screenings;
import org.mimamori.client.model.Correction;
import org.mimamori.client.model.CorrectionRequest;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.ScoreRequest;
import org.mimamori.client.model.ScreeningStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A score's response is kept compressed (migration V22, {@link StoredResponses}) and served as kept, whatever its
 * model and today's rendering would give; one not kept (V21's rows) is rendered again. Either way what is read is
 * byte for byte what was first given, in the language it was given in, and a response that is damaged or would
 * not render the same is refused, never served.
 */
class StoredResponsesIntegrationTest extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Test
    void everyReadGivesByteForByteTheResponseFirstGiven() throws Exception {
        for (Map.Entry<ScoreRequest, String> c : Map.of(Cases.high("C-SR-0001"), "en",
                Cases.lowWithRedFlag("C-SR-0002"), "ja", Cases.low("C-SR-0003"), "ja").entrySet()) {
            HttpResponse<String> created = post(c.getKey(), c.getValue());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).path("id").asText();

            Map<String, Object> row = jdbc.queryForMap("SELECT response_json, response_language, "
                    + "response_fingerprint, response_kept FROM score WHERE id = ?", id);
            assertThat(row.get("response_json")).as("not stored as text").isNull();
            assertThat(KeptResponses.decompress((byte[]) row.get("response_kept"))).as("kept compressed").isEqualTo(created.body());
            assertThat(((byte[]) row.get("response_kept")).length)
                    .isLessThan(created.body().getBytes(StandardCharsets.UTF_8).length / 3);
            assertThat(row.get("response_language")).isEqualTo(c.getValue());
            assertThat(row.get("response_fingerprint")).isEqualTo(fingerprint(created.body()));

            // read in the other language: the response is the one given, in its language
            HttpResponse<String> read = get(id, "ja".equals(c.getValue()) ? "en" : "ja");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(created.body());
        }
    }

    @Test
    void theReviewListShowsTheResponseFirstGiven() throws Exception {
        HttpResponse<String> created = post(Cases.high("C-SR-0010"), "ja");
        JsonNode first = JSON.readTree(created.body());

        JsonNode listed = JSON.readTree(http().get("/api/v1/review/scores?limit=50", "demo-supervisor").body());
        List<JsonNode> same = listed.path("items").findParents("id").stream()
                .filter(n -> n.path("id").asText().equals(first.path("id").asText()) && n.has("contributions"))
                .toList();
        assertThat(same).singleElement().isEqualTo(first);
    }

    @Test
    void scoresRecordedByAScreeningAndByACorrectionKeepTheirResponsesToo() throws Exception {
        UUID screening = clients().screenings("demo-supervisor").createScreening(Cohorts.cohort(4, 43).toFile(), "ja")
                .getId();
        assertThat(Screenings.await(clients().screenings("demo-supervisor"), screening).getStatus())
                .isEqualTo(ScreeningStatus.DONE);
        List<String> screened = jdbc.queryForList("SELECT s.id FROM score s JOIN screening_entry e ON e.score_id = s.id "
                + "WHERE e.screening_id = ?", String.class, screening.toString());
        assertThat(screened).hasSize(4);
        for (String id : screened) {
            assertThat(KeptResponses.of(jdbc, id)).as("screened " + id).isEqualTo(get(id, "en").body());
        }

        Score old = clients().scores("demo-caseworker").createScore(Cases.low("C-SR-0050"), "en");
        Correction c = clients().corrections("demo-privacy_officer").createCorrection(old.getId(),
                new CorrectionRequest().purpose(CorrectionRequest.PurposeEnum.CORRECTION_REQUEST)
                        .items(Cases.high("X").getItems()).reason("取り違えた記録を訂正"), "ja");
        String corrected = c.getScore().getId().toString();
        String kept = KeptResponses.of(jdbc, corrected); // as first given; a read adds the version marks
        assertThat(fingerprint(kept)).isEqualTo(jdbc.queryForObject("SELECT response_fingerprint FROM score "
                + "WHERE id = ?", String.class, corrected));
        assertThat(JSON.readTree(kept).path("id").asText()).isEqualTo(corrected);
        assertThat(JSON.readTree(get(corrected, "en").body()).path("contributions"))
                .isEqualTo(JSON.readTree(kept).path("contributions"));
    }

    @Autowired
    private KeptResponseBackfill backfill;

    @Test
    void scoresOfV21sTimeAreGivenTheirKeptResponseOnceAndAudited() throws Exception {
        HttpResponse<String> sound = post(Cases.high("C-SR-0060"), "ja");
        HttpResponse<String> broken = post(Cases.low("C-SR-0061"), "en");
        String soundId = JSON.readTree(sound.body()).path("id").asText();
        String brokenId = JSON.readTree(broken.body()).path("id").asText();
        String fingerprint = jdbc.queryForObject("SELECT response_fingerprint FROM score WHERE id = ?", String.class,
                brokenId);
        // as V21 wrote them, queued as V23 does; the second no longer renders as first given
        jdbc.update("UPDATE score SET response_kept = NULL WHERE id IN (?, ?)", soundId, brokenId);
        jdbc.update("UPDATE score SET response_fingerprint = '0000000000000000' WHERE id = ?", brokenId);
        jdbc.update("INSERT INTO score_response_backfill (score_id) VALUES (?), (?)", soundId, brokenId);
        long audit = lastAuditId();
        try {
            assertThat(backfill.run()).isEqualTo(new KeptResponseBackfill.Result(1, 1));
            assertThat(KeptResponses.of(jdbc, soundId)).isEqualTo(sound.body());
            assertThat(jdbc.queryForObject("SELECT response_kept IS NULL FROM score WHERE id = ?", Boolean.class,
                    brokenId)).as("not kept: it does not render as first given").isTrue();
            assertThat(rows("score_response_backfill")).isZero();
            assertThat(jdbc.queryForObject("SELECT CONCAT(action, ' ', outcome, ' ', detail) FROM audit_event "
                    + "WHERE id > ? AND actor = 'kept-response-backfill'", String.class, audit))
                    .isEqualTo("score.responses.keep failed kept 1, not kept 1");
            assertThat(jdbc.queryForList("SELECT c.child_ref FROM audit_child c JOIN audit_event e ON e.id = c.audit_id "
                    + "WHERE e.id > ? AND e.actor = 'kept-response-backfill' ORDER BY c.child_ref", String.class, audit))
                    .as("the record names the children whose scores it read").containsExactly("C-SR-0060", "C-SR-0061");
            assertThat(backfill.run()).as("nothing left").isEqualTo(new KeptResponseBackfill.Result(0, 0));
        } finally { // the shared database's lists must render the second one
            jdbc.update("UPDATE score SET response_fingerprint = ? WHERE id = ?", fingerprint, brokenId);
        }
        assertThat(get(brokenId, "en").body()).isEqualTo(broken.body());
    }

    @Test
    void aKeptResponseIsServedAsKeptWithoutItsModel() throws Exception {
        HttpResponse<String> created = post(Cases.high("C-SR-0030"), "ja");
        String id = JSON.readTree(created.body()).path("id").asText();
        String model = jdbc.queryForObject("SELECT model_version FROM score WHERE id = ?", String.class, id);
        // no registered model could render it again: the kept response is what is read
        jdbc.update("UPDATE score SET model_version = 'not-registered' WHERE id = ?", id);
        try {
            HttpResponse<String> read = get(id, "en");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(created.body());
        } finally {
            jdbc.update("UPDATE score SET model_version = ? WHERE id = ?", model, id);
        }
    }

    @Test
    void aResponseNotKeptIsRenderedAgainByteForByte() throws Exception {
        HttpResponse<String> created = post(Cases.lowWithRedFlag("C-SR-0040"), "ja");
        String id = JSON.readTree(created.body()).path("id").asText();
        byte[] kept = jdbc.queryForObject("SELECT response_kept FROM score WHERE id = ?", byte[].class, id);
        jdbc.update("UPDATE score SET response_kept = NULL WHERE id = ?", id); // as V21 wrote it
        try {
            HttpResponse<String> read = get(id, "en");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(created.body());
        } finally {
            jdbc.update("UPDATE score SET response_kept = ? WHERE id = ?", kept, id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a kept response whose fingerprint differs | response_fingerprint = '0000000000000000'",
            "a kept response that is not one | response_kept = 'not compressed'",
            "a kept response altered inside | "
                    + "response_kept = CONCAT(LEFT(response_kept, 40), X'00FF', SUBSTRING(response_kept, 43))",
            "a response rendered again that differs | "
                    + "response_kept = NULL, response_fingerprint = '0000000000000000'"})
    void aResponseNotAsFirstGivenIsRefusedNotServed(String what, String damage) throws Exception {
        HttpResponse<String> created = post(Cases.high("C-SR-0020"), "en");
        String id = JSON.readTree(created.body()).path("id").asText();
        Map<String, Object> row = jdbc.queryForMap("SELECT response_fingerprint, response_kept FROM score "
                + "WHERE id = ?", id);
        jdbc.update("UPDATE score SET " + damage + " WHERE id = ?", id);
        try {
            HttpResponse<String> read = get(id, "en");
            assertThat(read.statusCode()).as(what).isEqualTo(500);
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("application/problem+json"));
            assertThat(read.body()).doesNotContain("C-SR-0020").doesNotContain("contributions");
            assertThat(http().get("/actuator/health", null).statusCode()).isEqualTo(200);
        } finally { // the database is shared with other tests, whose lists would hold this score
            jdbc.update("UPDATE score SET response_fingerprint = ?, response_kept = ? WHERE id = ?",
                    row.get("response_fingerprint"), row.get("response_kept"), id);
        }
        assertThat(get(id, "en").body()).isEqualTo(created.body());
    }

    private HttpResponse<String> post(ScoreRequest request, String language) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/scores"))
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .header("Authorization", "Bearer demo-caseworker")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String id, String language) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/scores/" + id
                        + "?purpose=case_review")).header("Accept-Language", language)
                .header("Authorization", "Bearer demo-caseworker").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String fingerprint(String body) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 8);
    }
}
