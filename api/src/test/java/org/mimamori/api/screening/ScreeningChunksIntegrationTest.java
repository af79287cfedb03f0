package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.api.contract.Contract;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.security.Caller;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.model.schema.FeatureSchema;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chunk claims on one database, as several instances make them (this instance has no screening workers, so only
 * the test claims): concurrent claimants never get the same chunk, an expired lease is claimed again, and the
 * claimant it was taken from can no longer store the chunk. A file is read in parts as it streams in, and has an
 * upload limit of its own.
 */
class ScreeningChunksIntegrationTest {

    private static ConfigurableApplicationContext app;
    private static ScreeningChunks chunks;
    private static TransactionTemplate tx;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = ScreeningResumeIntegrationTest.start(DataDirs.fresh("screening-chunks"), 0,
                "--mimamori.screening.max-file-size=2MB");
        chunks = app.getBean(ScreeningChunks.class);
        tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void concurrentClaimantsNeverTakeTheSameChunk() throws Exception {
        String job = job(200);
        for (int c = 0; c < 200; c++) {
            chunks.add(new ScreeningChunks.Chunk(job, c, c * 10 + 1, 10, 0));
        }
        Set<Integer> claimed = ConcurrentHashMap.newKeySet();
        List<Integer> twice = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> claimants = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "instance-" + t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (true) {
                    Instant now = Instant.now();
                    Optional<ScreeningChunks.Claim> c = tx.execute(s -> chunks.claim(name + "/" + UUID.randomUUID(),
                            now, now.plusSeconds(60)));
                    if (c.isEmpty()) {
                        return;
                    }
                    if (!claimed.add(c.get().chunk().chunkNo())) {
                        twice.add(c.get().chunk().chunkNo());
                    }
                    Boolean done = tx.execute(s -> chunks.complete(c.get()));
                    assertThat(done).isTrue();
                }
            });
            th.start();
            claimants.add(th);
        }
        go.countDown();
        for (Thread th : claimants) {
            th.join(60_000);
        }
        assertThat(twice).as("chunks claimed twice").isEmpty();
        assertThat(claimed).hasSize(200);
        assertThat(chunks.unfinished(job)).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(claims) FROM screening_chunk WHERE screening_id = ?",
                Integer.class, job)).isOne();
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndTheStaleClaimantStoresNothing() throws Exception {
        String job = job(10);
        chunks.add(new ScreeningChunks.Chunk(job, 0, 1, 10, 0));
        Instant now = Instant.now();
        ScreeningChunks.Claim stale = tx.execute(s -> chunks.claim("gone/1", now, now.plusMillis(300))).orElseThrow();
        Optional<ScreeningChunks.Claim> early = tx.execute(s -> chunks.claim("other/1", now, now.plusSeconds(60)));
        assertThat(early).as("lease still runs").isEmpty();
        Thread.sleep(400);
        Instant later = Instant.now();
        ScreeningChunks.Claim fresh = tx.execute(s -> chunks.claim("other/2", later, later.plusSeconds(60)))
                .orElseThrow();
        assertThat(fresh.chunk().chunkNo()).isZero();
        assertThat(fresh.chunk().claims()).isEqualTo(2);

        // The stale claimant scores its chunk and tries to store it: refused, nothing written.
        ChunkScreener screener = app.getBean(ChunkScreener.class);
        ActiveModel model = app.getBean(ActiveModels.class).current();
        CohortFile file = CohortFile.read(model.scorer().schema(), Files.readAllBytes(Cohorts.cohort(10, 3)),
                app.getBean(Contract.class));
        Caller caller = new Caller("demo-supervisor", "supervisor");
        assertThat(screener.store(stale, file, model, caller, Locale.ENGLISH, Instant.now())).isFalse();
        assertThat(entries(job)).isZero();
        assertThat(chunks.unfinished(job)).isOne();
        // The current claimant stores it, once.
        assertThat(screener.store(fresh, file, model, caller, Locale.ENGLISH, Instant.now())).isTrue();
        assertThat(entries(job)).isEqualTo(10);
        assertThat(chunks.unfinished(job)).isZero();
        assertThat(screener.store(fresh, file, model, caller, Locale.ENGLISH, Instant.now())).as("done already")
                .isFalse();
        assertThat(entries(job)).isEqualTo(10);
    }

    @Test
    void aStreamedFileIsCutIntoPartsOfWholeRowsAndABadCellIsNamedByItsRowInTheWholeFile() throws Exception {
        FeatureSchema schema = app.getBean(ActiveModels.class).current().scorer().schema();
        Contract contract = app.getBean(Contract.class);
        List<String> lines = new ArrayList<>(Files.readAllLines(Cohorts.cohort(10, 4)));
        List<int[]> parts = new ArrayList<>();
        CohortUpload.Read read = CohortUpload.read(new ByteArrayInputStream(String.join("\n", lines)
                .getBytes(StandardCharsets.UTF_8)), schema, contract, 3, (no, first, rows, csv) -> {
                    parts.add(new int[] {no, first, rows});
                    assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith(lines.get(0) + "\n");
                });
        assertThat(read.rows()).isEqualTo(10);
        assertThat(parts).extracting(p -> p[1] + "+" + p[2]).containsExactly("1+3", "4+3", "7+3", "10+1");

        int age = List.of(lines.get(0).split(",", -1)).indexOf("age_years");
        String[] cells = lines.get(8).split(",", -1);
        cells[age] = "25";
        lines.set(8, String.join(",", cells));
        String[] last = lines.get(10).split(",", -1);
        last[age] = "-1";
        lines.set(10, String.join(",", last));
        List<Integer> handed = new ArrayList<>();
        assertThatThrownBy(() -> CohortUpload.read(new ByteArrayInputStream(String.join("\n", lines)
                .getBytes(StandardCharsets.UTF_8)), schema, contract, 3, (no, first, rows, csv) -> handed.add(no)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("file[8].age_years", "file[10].age_years"));
        assertThat(handed).as("parts before the bad one (rolled back by the caller)").containsExactly(0, 1);
    }

    @Test
    void aScreeningFileHasItsOwnUploadLimitAndOtherUploadsKeepTheirs() {
        Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
        byte[] body = new byte[3 << 20];
        HttpResponse<String> screening = http.send("POST", "/api/v1/screenings", "demo-supervisor",
                "multipart/form-data; boundary=x", body);
        assertThat(screening.statusCode()).as(screening.body()).isEqualTo(413);
        assertThat(screening.body()).contains("larger than " + (2 << 20) + " bytes");
        HttpResponse<String> model = http.send("POST", "/api/v1/models", "demo-admin",
                "multipart/form-data; boundary=x", body);
        assertThat(model.statusCode()).as("the model limit is still 64 MB").isNotEqualTo(413);
    }

    private static int entries(String job) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM screening_entry WHERE screening_id = ?", Integer.class, job);
    }

    /** A running job whose chunks the test adds (made here, not uploaded: the test drives the claims itself). */
    private static String job(int total) {
        String id = UUID.randomUUID().toString();
        String version = app.getBean(ActiveModels.class).current().version();
        jdbc.update("INSERT INTO screening (id, status, total, scored, model_version, schema_id, language, created_by, "
                + "creator_role, created_at, input_csv) VALUES (?, 'running', ?, 0, ?, 'child-support-v1', 'en', "
                + "'demo-supervisor', 'supervisor', ?, '')", id, total, version, Timestamp.from(Instant.now()));
        return id;
    }
}
