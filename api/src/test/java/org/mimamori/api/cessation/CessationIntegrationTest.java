package org.mimamori.api.cessation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.Screenings;
import org.mimamori.client.api.CessationApi;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.Cessation;
import org.mimamori.client.model.CessationMode;
import org.mimamori.client.model.CessationRequest;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.OpenRedFlag;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.ReviewedScore;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningEntry;
import org.mimamori.client.model.ScreeningStatus;
import org.mimamori.client.model.SupportType;
import org.mimamori.model.data.CsvTable;
import org.mimamori.training.cli.MimamoriTraining;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.HttpClientErrorException;
import picocli.CommandLine;

/**
 * Cessation of use end to end through the generated client: a child is scored, decided on, given an outcome and
 * screened; after the privacy officer's request (erase or restrict) the child is in no export, a new screening
 * skips it, no review list or open red flag shows it and scoring it is refused; the other child of the same
 * cohort is unaffected. Bad requests are refused naming the field, other roles get 403.
 */
class CessationIntegrationTest extends IntegrationTestBase {

    @Autowired
    EmbeddedMariaDb db;

    @Test
    void erasedChildIsGoneEverywhereAndNeverUsedAgain() throws Exception {
        Scenario s = scenario(CessationMode.ERASE);
        assertThat(s.answer.getErased().getScores()).isEqualTo(3); // its own two scores and the screening's one
        assertThat(s.answer.getErased().getDecisions()).isEqualTo(1);
        assertThat(s.answer.getErased().getOutcomes()).isEqualTo(1);
        assertThat(s.answer.getErased().getAssessments()).isEqualTo(2); // Cases give each score one
        assertThat(s.answer.getErased().getScreeningEntries()).isEqualTo(1);
        assertThat(s.answer.getErasedAt()).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref = ?", s.child)).isZero();
        assertThat(count("SELECT COUNT(*) FROM own_assessment WHERE child_ref = ?", s.child)).isZero();
        assertThat(count("SELECT COUNT(*) FROM screening_entry WHERE child_ref = ?", s.child)).isZero();
        for (String t : List.of("decision", "outcome", "score_state", "own_assessment")) {
            assertThat(count("SELECT COUNT(*) FROM " + t + " WHERE score_id = ?", s.scored.toString())).as(t).isZero();
        }
        // The audit records of who accessed the child are kept.
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE resource = ?", "score/" + s.scored)).isPositive();
    }

    @Test
    void restrictedChildIsKeptButNeverUsedAgain() throws Exception {
        Scenario s = scenario(CessationMode.RESTRICT);
        assertThat(s.answer.getErased().getScores()).isZero();
        assertThat(s.answer.getErasedAt()).isNull();
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref = ?", s.child)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM decision WHERE score_id = ?", s.scored.toString())).isOne();
        assertThat(count("SELECT COUNT(*) FROM outcome WHERE score_id = ?", s.scored.toString())).isOne();
        assertThat(count("SELECT COUNT(*) FROM screening_entry WHERE child_ref = ?", s.child)).isOne();

        // Kept, but nothing more is recorded on them: decisions, outcomes and own assessments are refused.
        long decisions = rows("decision");
        long assessments = rows("own_assessment");
        assertThat(catchThrowableOfType(() -> clients().decisions("demo-caseworker").createDecision(s.flagged,
                new DecisionRequest().decision(DecisionKind.OUTREACH).reason("Visit planned.")),
                HttpClientErrorException.class).getStatusCode().value()).isEqualTo(409);
        assertThat(catchThrowableOfType(() -> clients().decisions("demo-caseworker").recordOutcome(s.flagged,
                new OutcomeRequest().needConfirmed(false).confirmedOn(LocalDate.of(2026, 1, 15))),
                HttpClientErrorException.class).getStatusCode().value()).isEqualTo(409);
        var assess = http().post("/api/v1/scores/" + s.flagged + "/assessments", "demo-caseworker",
                "{\"level\":\"low\"}");
        assertThat(assess.statusCode()).as(assess.body()).isEqualTo(409);
        assertThat(assess.body()).contains("cessation-of-use request");
        assertThat(rows("decision")).isEqualTo(decisions);
        assertThat(rows("own_assessment")).isEqualTo(assessments);
        assertThat(count("SELECT COUNT(*) FROM outcome WHERE score_id = ?", s.flagged.toString())).isZero();

        // Restricted, later erased (200); a second request of the same kind, or restrict after erase, is 409.
        CessationApi officer = cessation("demo-privacy_officer");
        assertThat(catchThrowableOfType(() -> officer.requestCessation(s.child, request(CessationMode.RESTRICT)),
                HttpClientErrorException.class).getStatusCode().value()).isEqualTo(409);
        var erased = officer.requestCessationWithHttpInfo(s.child, request(CessationMode.ERASE));
        assertThat(erased.getStatusCode().value()).isEqualTo(200);
        assertThat(erased.getBody().getMode()).isEqualTo(CessationMode.ERASE);
        assertThat(erased.getBody().getErased().getScores()).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref = ?", s.child)).isZero();
        assertThat(catchThrowableOfType(() -> officer.requestCessation(s.child, request(CessationMode.RESTRICT)),
                HttpClientErrorException.class).getStatusCode().value()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref = ?", s.other)).isEqualTo(4);
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndOtherRolesAreForbidden() {
        String child = ref("BAD");
        long before = rows("cessation");
        String path = "/api/v1/children/" + child + "/cessation";
        assertRefused(http().post(path, "demo-privacy_officer",
                "{\"mode\":\"forget\",\"reason\":\"Family asked.\",\"purpose\":\"deletion_request\"}"), "mode");
        assertRefused(http().post(path, "demo-privacy_officer",
                "{\"mode\":\"erase\",\"purpose\":\"deletion_request\"}"), "reason");
        assertRefused(http().post(path, "demo-privacy_officer",
                "{\"mode\":\"erase\",\"reason\":\"   \",\"purpose\":\"deletion_request\"}"), "reason");
        assertRefused(http().post(path, "demo-privacy_officer",
                "{\"mode\":\"erase\",\"reason\":\"Family asked.\",\"purpose\":\"case_review\"}"), "purpose");
        assertRefused(http().post("/api/v1/children/Taro-Yamada/cessation", "demo-privacy_officer",
                "{\"mode\":\"erase\",\"reason\":\"Family asked.\",\"purpose\":\"deletion_request\"}"), "childRef");
        assertRefused(http().getExactly(path, "demo-privacy_officer"), "purpose");
        assertRefused(http().get(path + "?purpose=case_review", "demo-privacy_officer"), "purpose");
        assertRefused(http().get("/api/v1/children/ab/cessation?purpose=deletion_request", "demo-privacy_officer"),
                "childRef");
        for (String token : List.of("demo-caseworker", "demo-supervisor", "demo-auditor", "demo-admin",
                "demo-analyst")) {
            var r = http().post(path, token,
                    "{\"mode\":\"erase\",\"reason\":\"Family asked.\",\"purpose\":\"deletion_request\"}");
            assertThat(r.statusCode()).as(token).isEqualTo(403);
            assertThat(http().get(path + "?purpose=deletion_request", token).statusCode()).as(token).isEqualTo(403);
        }
        assertThat(http().post(path, null, "{}").statusCode()).isEqualTo(401);
        var unknown = http().get(path + "?purpose=deletion_request", "demo-privacy_officer");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("under no cessation-of-use request");
        assertThat(rows("cessation")).isEqualTo(before);
    }

    private void assertRefused(java.net.http.HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"").doesNotContain("java.", "Exception");
    }

    /** What a scenario left: the child under the request, the other child, the child's decided and flagged scores. */
    private record Scenario(String child, String other, UUID scored, UUID flagged, Cessation answer) {
    }

    private Scenario scenario(CessationMode mode) throws Exception {
        String child = ref("CES");
        String other = ref("OTH");
        var scores = clients().scores("demo-caseworker");
        Score scored = scores.createScore(Cases.high(child), "en");
        Score flagged = scores.createScore(Cases.lowWithRedFlag(child), "en"); // an open red flag
        Score otherScored = scores.createScore(Cases.high(other), "en");
        for (Score s : List.of(scored, otherScored)) {
            clients().decisions("demo-caseworker").createDecision(s.getId(), new DecisionRequest()
                    .decision(DecisionKind.OUTREACH).reason("Visit planned with the school."));
            clients().decisions("demo-caseworker").recordOutcome(s.getId(), new OutcomeRequest().needConfirmed(true)
                    .supportTypes(List.of(SupportType.POVERTY)).confirmedOn(LocalDate.of(2026, 1, 15)));
        }
        Path cohort = cohortWith(child, other);
        UUID first = screen(cohort);
        assertThat(childRefs(first)).contains(child, other);
        assertThat(reviewRefs()).contains(child, other);
        assertThat(openRedFlags()).contains(flagged.getId());
        assertThat(exported()).contains(child, other);

        var created = cessation("demo-privacy_officer").requestCessationWithHttpInfo(child, request(mode));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("http://127.0.0.1:" + port
                + "/api/v1/children/" + child + "/cessation");
        Cessation answer = created.getBody();
        assertThat(answer.getMode()).isEqualTo(mode);
        assertThat(answer.getReason()).isEqualTo("The family asked on 2026-11-30 (letter no. 12).");
        assertThat(answer.getRequestedBy()).isEqualTo("demo-privacy_officer");
        Cessation read = cessation("demo-privacy_officer").getCessation(child, AccessPurpose.DELETION_REQUEST);
        assertThat(read.getMode()).isEqualTo(mode);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'cessation.create' AND resource = ? "
                + "AND role = 'privacy_officer' AND purpose = 'deletion_request'", "child/" + child)).isOne();
        String requestId = created.getHeaders().getFirst("X-Request-Id");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE request_id = ?", String.class, requestId))
                .as("one audit record per request").containsExactly("cessation.create");
        assertThat(jdbc.queryForList("SELECT c.child_ref FROM audit_child c JOIN audit_event e ON e.id = c.audit_id "
                + "WHERE e.request_id = ?", String.class, requestId)).containsExactly(child);

        // Scoring the child is refused; the other child is scored as before.
        var refused = catchThrowableOfType(() -> scores.createScore(Cases.high(child), "en"),
                HttpClientErrorException.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getResponseBodyAsString()).contains("cessation-of-use request")
                .contains("urn:mimamori:problem:conflict");
        assertThat(scores.createScore(Cases.high(other), "en").getChildRef()).isEqualTo(other);
        // A new screening skips the child; neither screening lists it any more.
        UUID second = screen(cohort);
        Screening s2 = clients().screenings("demo-supervisor").getScreening(second, AccessPurpose.SCREENING);
        assertThat(s2.getSkipped()).isEqualTo(1);
        assertThat(s2.getScored()).isEqualTo(s2.getTotal() - 1);
        assertThat(s2.getCountsByBand().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(s2.getTotal() - 1);
        assertThat(count("SELECT COUNT(*) FROM screening_entry WHERE screening_id = ? AND status = 'skipped' "
                + "AND score_id IS NULL AND child_ref IS NULL AND summary_json IS NULL", second.toString())).isOne();
        assertThat(childRefs(second)).doesNotContain(child).contains(other);
        assertThat(childRefs(first)).doesNotContain(child).contains(other);
        // No review list, open red flag or export shows the child.
        assertThat(reviewRefs()).doesNotContain(child).contains(other);
        assertThat(openRedFlags()).doesNotContain(flagged.getId());
        assertThat(exported()).doesNotContain(child).contains(other);
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref = ?", other)).isEqualTo(2 + 2);
        return new Scenario(child, other, scored.getId(), flagged.getId(), answer);
    }

    private CessationApi cessation(String token) {
        return new CessationApi(clients().api(token));
    }

    private static CessationRequest request(CessationMode mode) {
        return new CessationRequest().mode(mode).reason("The family asked on 2026-11-30 (letter no. 12).")
                .purpose(AccessPurpose.DELETION_REQUEST);
    }

    private static String ref(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "7";
    }

    /** A synthetic cohort of 20 children with fresh references; the first two rows are {@code a} and {@code b}. */
    private static Path cohortWith(String a, String b) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Cohorts.cohort(20, 43)));
        int col = List.of(lines.get(0).split(",", -1)).indexOf("child_ref");
        String prefix = ref("COH");
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            cells[col] = i == 1 ? a : i == 2 ? b : prefix + "-" + i;
            lines.set(i, String.join(",", cells));
        }
        Path file = Files.createTempFile("cohort-cessation", ".csv");
        Files.write(file, lines);
        return file;
    }

    private UUID screen(Path cohort) {
        UUID id = clients().screenings("demo-supervisor").createScreening(cohort.toFile(), "en").getId();
        assertThat(Screenings.await(clients().screenings("demo-supervisor"), id).getStatus())
                .isEqualTo(ScreeningStatus.DONE);
        return id;
    }

    private Set<String> childRefs(UUID screening) {
        return clients().screenings("demo-supervisor").listScreeningEntries(screening, AccessPurpose.SCREENING, null, null, 1000, 0, null)
                .getEntries().stream().map(ScreeningEntry::getChildRef).collect(Collectors.toSet());
    }

    private Set<String> reviewRefs() {
        return clients().review("demo-supervisor").reviewScores(AccessPurpose.SUPERVISION, 200, 0).getItems().stream()
                .map(ReviewedScore::getScore).map(Score::getChildRef).collect(Collectors.toSet());
    }

    private Set<UUID> openRedFlags() {
        return clients().review("demo-supervisor").openRedFlags(AccessPurpose.SUPERVISION).stream().map(OpenRedFlag::getScoreId)
                .collect(Collectors.toSet());
    }

    /** The child references {@code export --include-unlabelled} writes. */
    private Set<String> exported() throws Exception {
        Path out = Files.createTempDirectory("export-cessation").resolve("labels.csv");
        StringWriter err = new StringWriter();
        CommandLine cli = MimamoriTraining.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute("export", "--jdbc-url", db.jdbcUrl(), "--user", db.username(), "--password-file",
                db.dataDir().resolve("secrets/db-password").toString(), "--out", out.toString(),
                "--include-unlabelled");
        assertThat(code).as(err.toString()).isZero();
        CsvTable t = CsvTable.read(out);
        int col = t.column("child_ref");
        return t.rows().stream().map(r -> r[col]).collect(Collectors.toSet());
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

}
