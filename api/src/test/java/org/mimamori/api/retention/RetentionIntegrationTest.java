package org.mimamori.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention purge on a service of its own with short periods (scores, decisions 30 days, outcomes 20 days,
 * screenings 30 days, stored cohort files 7 days) and batches of 2: records made through the API and then dated
 * back by SQL are erased, current ones are untouched, a score stays while a current decision rests on it, and the
 * run is one audit record with its counts.
 */
class RetentionIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static Clients clients;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(MimamoriApiApplication.class).run("--server.port=0",
                "--mimamori.data-dir=" + DataDirs.fresh("retention"),
                "--mimamori.models.import-bundle=" + TestBundles.bundle(), "--mimamori.models.demo-when-empty=false",
                "--spring.jmx.enabled=false", "--mimamori.retention.schedule=-",
                "--mimamori.retention.batch-size=2", "--mimamori.retention.scores=30d",
                "--mimamori.retention.decisions=30d", "--mimamori.retention.outcomes=20d",
                "--mimamori.retention.screenings=30d", "--mimamori.retention.screening-files=7d",
                "--mimamori.retention.audit=400d");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        http = new Http(port);
        clients = new Clients(port);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void erasesExpiredRecordsInBatchesKeepsCurrentOnesAndAuditsTheRunWithItsCounts() throws Exception {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        // Expired: a score with its own assessment, decision and outcome, all 40 days old.
        String expired = score("RET-OLD-1", true);
        decide(expired);
        outcome(expired);
        backdate("score", "created_at", "id", expired, old);
        backdate("decision", "decided_at", "score_id", expired, old);
        backdate("outcome", "recorded_at", "score_id", expired, old);
        backdate("own_assessment", "assessed_at", "score_id", expired, old);
        // An old score with a current decision: kept, so the decision never points to a vanished score.
        String held = score("RET-HELD-2", false);
        decide(held);
        backdate("score", "created_at", "id", held, old);
        // An old score whose outcome (25 days) is past its 20 days but whose decision (25 days) is not past 30.
        String mixed = score("RET-MIX-3", false);
        decide(mixed);
        outcome(mixed);
        Instant days25 = Instant.now().minus(Duration.ofDays(25));
        backdate("score", "created_at", "id", mixed, days25);
        backdate("decision", "decided_at", "score_id", mixed, days25);
        backdate("outcome", "recorded_at", "score_id", mixed, days25);
        // Current: untouched.
        String current = score("RET-NEW-4", true);
        decide(current);
        outcome(current);
        // An old screening of 5 children (its job, entries and the 5 scores it made), and a current one.
        UUID oldScreening = screen("RETOLD");
        jdbc.update("UPDATE screening SET created_at = ? WHERE id = ?", Timestamp.from(old), oldScreening.toString());
        jdbc.update("UPDATE score SET created_at = ? WHERE id IN (SELECT score_id FROM screening_entry "
                + "WHERE screening_id = ?)", Timestamp.from(old), oldScreening.toString());
        UUID newScreening = screen("RETNEW");
        // A job that never ended, with its stored file, 10 days old: the file is erased and the job failed. Its
        // chunks are held by a stalled instance (a lease far ahead), so this service's screening workers leave the
        // job to retention instead of failing it themselves first (they look for work every 2 s).
        String stuck = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO screening (id, status, total, scored, model_version, schema_id, language, "
                + "created_by, creator_role, created_at, input_csv) VALUES (?, 'queued', 3, 0, 'x', "
                + "'child-support-v1', 'ja', 'demo-supervisor', 'supervisor', ?, '')", stuck,
                Timestamp.from(Instant.now().minus(Duration.ofDays(10))));
        for (int c = 0; c < 3; c++) {
            jdbc.update("INSERT INTO screening_chunk (screening_id, chunk_no, first_row, row_count, state, claimed_by, "
                    + "lease_until, claims) VALUES (?, ?, ?, 1, 'claimed', 'stalled-instance', ?, 1)", stuck, c, c + 1,
                    Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
            jdbc.update("INSERT INTO screening_file_chunk (screening_id, chunk_no, bytes) VALUES (?, ?, ?)", stuck, c,
                    ("child_ref,age_years\nRET-F-" + c + "1,9\n").getBytes());
        }
        long scoresBefore = count("SELECT COUNT(*) FROM score");
        long auditBefore = count("SELECT COUNT(*) FROM audit_event WHERE action = 'retention.purge'");

        var r = purge("demo-admin");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode run = JSON.readTree(r.body());
        String runId = run.path("id").asText();
        assertThat(run.path("status").asText()).isEqualTo("done");

        // Expired personal data is gone.
        assertThat(count("SELECT COUNT(*) FROM score WHERE id = ?", expired)).isZero();
        for (String t : List.of("decision", "outcome", "own_assessment", "score_state")) {
            assertThat(count("SELECT COUNT(*) FROM " + t + " WHERE score_id = ?", expired)).as(t).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref = 'RET-OLD-1'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM screening WHERE id = ?", oldScreening.toString())).isZero();
        assertThat(count("SELECT COUNT(*) FROM screening_entry WHERE screening_id = ?", oldScreening.toString()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref LIKE 'RETOLD%'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM screening_file_chunk WHERE screening_id = ?", stuck)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM screening WHERE id = ?", String.class, stuck))
                .isEqualTo("failed");
        assertThat(jdbc.queryForObject("SELECT error FROM screening WHERE id = ?", String.class, stuck))
                .as("the reason, in the language the screening was asked for in")
                .isEqualTo("保存されていた対象者ファイルは保存期間を過ぎて消去されました。もう一度アップロードしてください。");
        assertThat(jdbc.queryForList("SELECT CONCAT(action, ' ', outcome, ' ', actor, ' ', purpose, ' ', "
                + "COALESCE(request_id, 'no request')) FROM audit_event WHERE resource = ?", String.class,
                "screening/" + stuck)).as("its end is recorded as a worker's failing it is, as the job's event")
                .containsExactly("screening.finish failed demo-supervisor screening no request");
        // The mixed case: its outcome is gone, its decision and so its score stay.
        assertThat(count("SELECT COUNT(*) FROM outcome WHERE score_id = ?", mixed)).isZero();
        assertThat(count("SELECT COUNT(*) FROM decision WHERE score_id = ?", mixed)).isOne();
        assertThat(count("SELECT COUNT(*) FROM score WHERE id = ?", mixed)).isOne();
        // Held by its current decision.
        assertThat(count("SELECT COUNT(*) FROM score WHERE id = ?", held)).isOne();
        assertThat(count("SELECT COUNT(*) FROM decision WHERE score_id = ?", held)).isOne();
        // Current data untouched.
        assertThat(count("SELECT COUNT(*) FROM score WHERE id = ?", current)).isOne();
        assertThat(count("SELECT COUNT(*) FROM decision WHERE score_id = ?", current)).isOne();
        assertThat(count("SELECT COUNT(*) FROM outcome WHERE score_id = ?", current)).isOne();
        assertThat(count("SELECT COUNT(*) FROM own_assessment WHERE score_id = ?", current)).isOne();
        assertThat(count("SELECT COUNT(*) FROM score_state WHERE score_id = ?", current)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM screening_entry WHERE screening_id = ?", newScreening.toString()))
                .isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref LIKE 'RETNEW%'")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM score")).isEqualTo(scoresBefore - 6);
        // Decisions are read with their scores, as before.
        assertThat(clients.review("demo-supervisor").reviewScores(org.mimamori.client.model.AccessPurpose.SUPERVISION, 50, 0).getItems()).isNotEmpty();

        // The run: one audit record with its end, and the counts of every kind, in the answer and the table.
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'retention.purge'"))
                .isEqualTo(auditBefore + 1);
        Map<String, Object> audit = jdbc.queryForMap("SELECT actor, role, resource, outcome FROM audit_event "
                + "WHERE action = 'retention.purge' ORDER BY id DESC LIMIT 1");
        assertThat(audit).containsEntry("actor", "demo-admin").containsEntry("role", "admin")
                .containsEntry("resource", "retention-run/" + runId).containsEntry("outcome", "ok");
        // Exactly one record for the request, the counts in its detail.
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE request_id = ?", String.class, requestId))
                .containsExactly("retention.purge");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE request_id = ?", String.class,
                requestId)).contains("scores 6 (+6)").contains("decisions 1 (+0)").contains("outcomes 2 (+0)")
                .contains("screenings 1 (+0)").contains("screening_files 3 (+1)");
        assertThat(counts(run)).containsEntry("outcomes", List.of(2L, 0L)) // expired and mixed
                .containsEntry("decisions", List.of(1L, 0L))
                .containsEntry("scores", List.of(6L, 6L)) // 1 + 5 screened; 1 own assessment + 5 entries
                .containsEntry("screenings", List.of(1L, 0L))
                .containsEntry("screening_files", List.of(3L, 1L)); // 3 chunks; 1 job failed
        for (JsonNode k : run.path("kinds")) {
            Map<String, Object> row = jdbc.queryForMap("SELECT records, attached, period FROM retention_run_kind "
                    + "WHERE run_id = ? AND kind = ?", runId, k.path("kind").asText());
            assertThat(((Number) row.get("records")).longValue()).isEqualTo(k.path("records").asLong());
            assertThat(((Number) row.get("attached")).longValue()).isEqualTo(k.path("attached").asLong());
            assertThat(row.get("period")).isEqualTo(k.path("period").asText());
        }
        assertThat(run.path("kinds").findValuesAsText("period")).contains("PT720H", "PT480H", "PT168H");

        // A second run finds nothing more, and is audited too.
        JsonNode again = JSON.readTree(purge("demo-admin").body());
        assertThat(counts(again).values()).allMatch(c -> c.equals(List.of(0L, 0L)));
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'retention.purge'"))
                .isEqualTo(auditBefore + 2);
    }

    @Test
    void theAuditTrailLosesOnlyItsOldChildListsAndStillVerifies() throws Exception {
        // Old records are appended through the ledger itself (with old times), as a service would have written
        // them: dating rows back by SQL would alter them.
        Instant old = Instant.now().minus(java.time.Duration.ofDays(500));
        try (java.sql.Connection c = app.getBean(javax.sql.DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            org.mimamori.model.audit.AuditLedger.append(c, List.of(
                    new org.mimamori.model.audit.AuditRecord(old, "sato", "caseworker", "score.read", "score/old-1",
                            "case_review", "ok", null, null,
                            org.mimamori.model.audit.Children.of(List.of("OLD-CHILD-1"))),
                    new org.mimamori.model.audit.AuditRecord(old.plusSeconds(1), "sato", "caseworker", "score.read",
                            "score/old-2", "case_review", "ok", null, null,
                            org.mimamori.model.audit.Children.of(List.of("OLD-CHILD-2", "OLD-CHILD-3")))));
            c.commit();
        }
        var score = http.post("/api/v1/scores", "demo-caseworker", """
                {"childRef":"NEW-CHILD-1","purpose":"case_review","items":{"age_years":9}}""");
        assertThat(score.statusCode()).as(score.body()).isEqualTo(201);
        long records = count("SELECT COUNT(*) FROM audit_event");

        assertThat(purge("demo-admin").statusCode()).isEqualTo(201);

        assertThat(count("SELECT COUNT(*) FROM audit_child WHERE child_ref LIKE 'OLD-CHILD-%'"))
                .as("old child lists erased").isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_child WHERE child_ref = 'NEW-CHILD-1'")).as("current kept")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).as("every record stays (and the purge's own)")
                .isEqualTo(records + 1);
        assertThat(count("SELECT children_count FROM audit_event WHERE resource = 'score/old-2'")).isEqualTo(2);
        var verified = http.get("/api/v1/audit/verification?purpose=audit", "demo-auditor");
        assertThat(JSON.readTree(verified.body()).path("intact").asBoolean()).as(verified.body()).isTrue();
    }

    @Test
    void onlyAnAdminMayRunThePurge() {
        for (String token : List.of("demo-caseworker", "demo-supervisor", "demo-auditor", "demo-privacy_officer")) {
            var r = purge(token);
            assertThat(r.statusCode()).as(token).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(purge(null).statusCode()).isEqualTo(401);
    }

    private static java.net.http.HttpResponse<String> purge(String token) {
        return http.send("POST", "/api/v1/retention/runs", token, null, null);
    }

    private static Map<String, List<Long>> counts(JsonNode run) {
        Map<String, List<Long>> out = new java.util.HashMap<>();
        for (JsonNode k : run.path("kinds")) {
            out.put(k.path("kind").asText(), List.of(k.path("records").asLong(), k.path("attached").asLong()));
        }
        return out;
    }

    private static String score(String childRef, boolean assessed) throws Exception {
        var r = http.post("/api/v1/scores", "demo-caseworker", """
                {"childRef":"%s","purpose":"case_review","items":{"age_years":9,"absence_days_term":30,
                 "prior_consultations":4,"child_rearing_allowance":true}%s}"""
                .formatted(childRef, assessed ? ",\"priorAssessment\":{\"level\":\"moderate\"}" : ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asText();
    }

    private static void decide(String scoreId) {
        var r = http.post("/api/v1/scores/" + scoreId + "/decisions", "demo-caseworker",
                "{\"decision\":\"assessment\",\"reason\":\"Seen at school; visit planned.\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static void outcome(String scoreId) {
        var r = http.post("/api/v1/scores/" + scoreId + "/outcomes", "demo-caseworker",
                "{\"needConfirmed\":true,\"supportTypes\":[\"poverty\"],\"confirmedOn\":\"2026-01-15\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static UUID screen(String prefix) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Cohorts.cohort(5, 41)));
        int ref = List.of(lines.get(0).split(",", -1)).indexOf("child_ref");
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            cells[ref] = prefix + "-" + i + "0";
            lines.set(i, String.join(",", cells));
        }
        Path file = Files.createTempFile("cohort-" + prefix, ".csv");
        Files.write(file, lines);
        UUID id = clients.screenings("demo-supervisor").createScreening(file.toFile(), "en").getId();
        Screening s = Screenings.await(clients.screenings("demo-supervisor"), id);
        assertThat(s.getStatus()).isEqualTo(ScreeningStatus.DONE);
        return id;
    }

    private static void backdate(String table, String column, String key, String id, Instant to) {
        assertThat(jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ?",
                Timestamp.from(to), id)).as(table).isPositive();
    }

    private static long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
