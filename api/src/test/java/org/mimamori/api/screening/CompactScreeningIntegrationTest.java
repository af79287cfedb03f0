package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.support.KeptResponses;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningEntry;
import org.mimamori.client.model.ScreeningStatus;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.schema.FeatureSchema;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compact screening ({@code mimamori.screening.storage=compact}): a screened child is stored as an entry only (its
 * cells and a fingerprint of its explanation); when people open it, its explanation is derived again and recorded
 * as its score, and that score is the one a fresh scoring of the same child gives, field for field (all but its
 * id, time and requester). An explanation that no longer matches its fingerprint is refused, nothing recorded.
 */
class CompactScreeningIntegrationTest {

    private static final int N = 250;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext app;
    private static Clients clients;
    private static Http http;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(MimamoriApiApplication.class).run("--server.port=0",
                "--mimamori.data-dir=" + DataDirs.fresh("screening-compact"),
                "--mimamori.models.import-bundle=" + TestBundles.bundle(), "--spring.jmx.enabled=false",
                "--mimamori.screening.storage=compact", "--mimamori.screening.batch-size=100");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        clients = new Clients(port);
        http = new Http(port);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void openedChildrenAreRecordedAsTheScoreAFreshScoringGives() throws Exception {
        Path cohort = Cohorts.cohort(N, 21);
        long scoresBefore = screeningScores();
        UUID id = clients.screenings("demo-supervisor").createScreening(cohort.toFile(), "en").getId();
        Screening s = ScreeningIntegrationTest.awaitFinished(clients.screenings("demo-supervisor"), id);
        assertThat(s.getStatus()).isEqualTo(ScreeningStatus.DONE);
        assertThat(s.getScored()).isEqualTo(N);
        assertThat(screeningScores()).as("no score rows until people open entries").isEqualTo(scoresBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_entry WHERE screening_id = ? AND inputs IS NOT "
                + "NULL AND LENGTH(fingerprint) = 8 AND summary_json IS NULL", Long.class, id.toString()))
                .isEqualTo((long) N);

        List<ScreeningEntry> page = clients.screenings("demo-caseworker")
                .listScreeningEntries(id, AccessPurpose.SCREENING, null, null, 20, 0, null).getEntries();
        assertThat(page).hasSize(20);
        assertThat(page).filteredOn(e -> e.getProbability() != null).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getTopContributions()).isNotEmpty());
        assertThat(screeningScores()).as("the opened entries' scores").isEqualTo(scoresBefore + 20);
        clients.screenings("demo-caseworker").listScreeningEntries(id, AccessPurpose.SCREENING, null, null, 20, 0, null);
        assertThat(screeningScores()).as("recorded once").isEqualTo(scoresBefore + 20);

        CsvTable table = CsvTable.read(cohort);
        FeatureSchema schema = app.getBean(ActiveModels.class).current().scorer().schema();
        List<Case> cases = CaseCsv.read(schema, table).cases();
        int ref = table.column("child_ref");
        for (ScreeningEntry e : page.subList(0, 8)) {
            HttpResponse<String> served = http.get("/api/v1/scores/" + e.getScoreId(), "demo-caseworker");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(KeptResponses.of(jdbc, e.getScoreId().toString())).as("kept once opened")
                    .isEqualTo(served.body());
            Case c = cases.get(e.getId() - 1);
            String childRef = table.rows().get(e.getId() - 1)[ref];
            assertThat(e.getChildRef()).isEqualTo(childRef);
            HttpResponse<String> created = http.post("/api/v1/scores", "demo-caseworker", JSON.writeValueAsString(
                    Map.of("childRef", childRef, "purpose", "screening", "items", ScreenedChild.items(c, schema))));
            assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
            HttpResponse<String> fresh = http.get("/api/v1/scores/" + JSON.readTree(created.body()).get("id")
                    .asText(), "demo-caseworker");
            assertThat(explanation(served.body())).as("entry " + e.getId()).isEqualTo(explanation(fresh.body()));
        }

        // An explanation that differs from its fingerprint (e.g. a bundle changed under the same version).
        int unopened = jdbc.queryForObject("SELECT MIN(row_no) FROM screening_entry WHERE screening_id = ? "
                + "AND summary_json IS NULL", Integer.class, id.toString());
        jdbc.update("UPDATE screening_entry SET fingerprint = X'0000000000000000' WHERE screening_id = ? "
                + "AND row_no = ?", id.toString(), unopened);
        HttpResponse<String> refused = http.send("PATCH", "/api/v1/screenings/" + id + "/entries/" + unopened,
                "demo-caseworker", "application/json", "{\"status\":\"reviewed_no_action\"}".getBytes());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT status FROM screening_entry WHERE screening_id = ? AND row_no = ?",
                String.class, id.toString(), unopened)).as("nothing written").isEqualTo("to_review");
        assertThat(screeningScores()).as("the opened entries' and the 8 fresh scores only").isEqualTo(scoresBefore + 28);
    }

    /** A score's JSON without what differs between two scorings of the same child: id, time, requester. */
    private static JsonNode explanation(String body) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(body);
        n.remove(List.of("id", "createdAt", "requestedBy"));
        return n;
    }

    private static long screeningScores() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM score WHERE purpose = 'screening'", Long.class);
    }
}
