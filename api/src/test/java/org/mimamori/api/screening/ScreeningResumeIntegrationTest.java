package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restart never leaves a screening silently half-done: a job left {@code running} with part of its entries
 * stored is resumed at start-up without scoring the stored rows again, and a job that cannot be resumed (its
 * model is no longer the active one) is marked {@code failed} with the reason.
 */
class ScreeningResumeIntegrationTest {

    private static final int N = 1500;

    @Test
    void unfinishedJobsAreResumedOrFailedWithAReasonAtStartUp() throws Exception {
        Path dataDir = DataDirs.fresh("screening-resume");
        Path cohort = Cohorts.cohort(N, 9);
        byte[] csv = Files.readAllBytes(cohort);
        String interrupted;
        String stale = UUID.randomUUID().toString();
        Map<Integer, String> keptScoreIds;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Clients clients = new Clients(port(app));
            UUID id = clients.screenings("demo-supervisor").createScreening(cohort.toFile(), null).getId();
            assertThat(ScreeningIntegrationTest.awaitFinished(clients.screenings("demo-supervisor"), id)
                    .getStatus()).isEqualTo(ScreeningStatus.DONE);
            interrupted = id.toString();
            // Make it look like the service stopped after the first 1,000 rows were committed.
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM score WHERE id IN (SELECT score_id FROM screening_entry "
                    + "WHERE screening_id = ? AND row_no > 1000)", interrupted);
            jdbc.update("DELETE FROM screening_entry WHERE screening_id = ? AND row_no > 1000", interrupted);
            jdbc.update("UPDATE screening_entry SET rank_no = NULL WHERE screening_id = ?", interrupted);
            // A running job still holds its file (it is dropped when the job ends).
            jdbc.update("UPDATE screening SET status = 'running', scored = 1000, finished_at = NULL, input_csv = ? "
                    + "WHERE id = ?", csv, interrupted);
            keptScoreIds = scoreIds(jdbc, interrupted);
            assertThat(keptScoreIds).hasSize(1000);
            // A queued job for a model that is no longer active.
            jdbc.update("INSERT INTO screening (id, status, total, scored, model_version, schema_id, language, "
                    + "created_by, creator_role, created_at, input_csv) VALUES (?, 'queued', ?, 0, "
                    + "'0123456789abcdef', 'child-support-v1', 'en', 'demo-supervisor', 'supervisor', ?, ?)",
                    stale, N, Timestamp.from(Instant.now()), csv);
        }
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Clients clients = new Clients(port(app));
            Screening resumed = ScreeningIntegrationTest.awaitFinished(clients.screenings("demo-supervisor"),
                    UUID.fromString(interrupted));
            assertThat(resumed.getStatus()).isEqualTo(ScreeningStatus.DONE);
            assertThat(resumed.getScored()).isEqualTo(N);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Map<Integer, String> now = scoreIds(jdbc, interrupted);
            assertThat(now).hasSize(N);
            keptScoreIds.forEach((row, scoreId) -> assertThat(now.get(row)).isEqualTo(scoreId));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score s JOIN screening_entry e ON e.score_id = s.id "
                    + "WHERE e.screening_id = ?", Long.class, interrupted)).isEqualTo((long) N);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_entry WHERE screening_id = ? "
                    + "AND rank_no IS NULL", Long.class, interrupted)).isZero();

            Screening failed = ScreeningIntegrationTest.awaitFinished(clients.screenings("demo-supervisor"),
                    UUID.fromString(stale));
            assertThat(failed.getStatus()).isEqualTo(ScreeningStatus.FAILED);
            assertThat(failed.getError()).contains("active model changed").contains("0123456789abcdef");
            assertThat(failed.getFinishedAt()).isNotNull();
            assertThat(failed.getScored()).isZero();
        }
    }

    private static Map<Integer, String> scoreIds(JdbcTemplate jdbc, String screening) {
        Map<Integer, String> out = new java.util.HashMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT row_no, score_id FROM screening_entry WHERE screening_id = ?", screening);
        rows.forEach(r -> out.put(((Number) r.get("row_no")).intValue(), (String) r.get("score_id")));
        return out;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(MimamoriApiApplication.class).run(
                "--server.port=0",
                "--mimamori.data-dir=" + dataDir,
                "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                "--mimamori.screening.batch-size=250",
                "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
