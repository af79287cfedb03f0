package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A screening outlives the instance that accepted it: one instance (with no screening workers) accepts a file,
 * another instance on the same database screens it. A chunk claimed by an instance that died is claimed again once
 * its lease has expired, a chunk whose lease still runs is left to its claimant until then, every row is stored
 * once, and the job is finished once. A job stored before chunked screening (no chunks) is marked {@code failed}
 * with the reason.
 */
class ScreeningResumeIntegrationTest {

    private static final int N = 1500;

    @Test
    void anotherInstanceScreensAJobAndTakesOverTheChunksOfADeadInstanceOnceTheirLeasesExpire() throws Exception {
        Path dataDir = DataDirs.fresh("screening-resume");
        Path cohort = Cohorts.cohort(N, 9);
        String id;
        String stale = UUID.randomUUID().toString();
        Instant liveLease;
        try (ConfigurableApplicationContext app = start(dataDir, 0)) {
            Clients clients = new Clients(port(app));
            id = clients.screenings("demo-supervisor").createScreening(cohort.toFile(), null).getId().toString();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Thread.sleep(500);
            assertThat(jdbc.queryForObject("SELECT status FROM screening WHERE id = ?", String.class, id))
                    .as("no worker here").isEqualTo("queued");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_chunk WHERE screening_id = ? AND "
                    + "state = 'pending'", Integer.class, id)).isEqualTo(N / 250);
            assertThat(jdbc.queryForObject("SELECT SUM(row_count) FROM screening_chunk WHERE screening_id = ?",
                    Integer.class, id)).isEqualTo(N);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_file_chunk WHERE screening_id = ?",
                    Integer.class, id)).isEqualTo(N / 250);
            ScreeningChunks chunks = app.getBean(ScreeningChunks.class);
            TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            Instant now = Instant.now();
            // An instance that still holds chunk 0 for a few seconds ...
            liveLease = now.plusSeconds(6);
            assertThat(tx.execute(s -> chunks.claim("busy/1", now, liveLease)).orElseThrow()
                    .chunk().chunkNo()).isZero();
            // ... and one that died holding chunk 1 (its lease has run out).
            assertThat(tx.execute(s -> chunks.claim("dead/1", now, now.minusSeconds(1))).orElseThrow()
                    .chunk().chunkNo()).isOne();
            // A queued job stored before chunked screening, for a model that is no longer active.
            jdbc.update("INSERT INTO screening (id, status, total, scored, model_version, schema_id, language, "
                    + "created_by, creator_role, created_at, input_csv) VALUES (?, 'queued', ?, 0, "
                    + "'0123456789abcdef', 'child-support-v1', 'en', 'demo-supervisor', 'supervisor', ?, '')",
                    stale, N, Timestamp.from(Instant.now()));
        }
        try (ConfigurableApplicationContext app = start(dataDir, 2)) {
            Clients clients = new Clients(port(app));
            Screening done = ScreeningIntegrationTest.awaitFinished(clients.screenings("demo-supervisor"),
                    UUID.fromString(id));
            assertThat(done.getStatus()).isEqualTo(ScreeningStatus.DONE);
            assertThat(done.getScored()).isEqualTo(N);
            assertThat(done.getFinishedAt().toInstant()).as("chunk 0 was left to its claimant until its lease ran out")
                    .isAfterOrEqualTo(liveLease);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT row_no) FROM screening_entry WHERE screening_id = ?",
                    Long.class, id)).isEqualTo((long) N);
            assertThat(jdbc.queryForObject("SELECT MIN(row_no) = 1 AND MAX(row_no) = ? FROM screening_entry "
                    + "WHERE screening_id = ?", Boolean.class, N, id)).isTrue();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_entry WHERE screening_id = ? "
                    + "AND rank_no = 0", Long.class, id)).as("every entry ranked").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'screening.finish' "
                    + "AND resource = ?", Long.class, "screening/" + id)).as("finished once").isOne();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_chunk WHERE screening_id = ?",
                    Long.class, id)).as("chunks dropped with the job").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_file_chunk WHERE screening_id = ?",
                    Long.class, id)).as("file dropped with the job").isZero();

            Screening failed = ScreeningIntegrationTest.awaitFinished(clients.screenings("demo-supervisor"),
                    UUID.fromString(stale));
            assertThat(failed.getStatus()).isEqualTo(ScreeningStatus.FAILED);
            assertThat(failed.getError()).contains("active model changed").contains("0123456789abcdef");
            assertThat(failed.getFinishedAt()).isNotNull();
            assertThat(failed.getScored()).isZero();
        }
    }

    static ConfigurableApplicationContext start(Path dataDir, int threads, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0",
                "--mimamori.data-dir=" + dataDir,
                "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                "--mimamori.screening.batch-size=250",
                "--mimamori.screening.threads=" + threads,
                "--mimamori.screening.poll-interval=200ms",
                "--spring.jmx.enabled=false"));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(MimamoriApiApplication.class).run(args.toArray(new String[0]));
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
