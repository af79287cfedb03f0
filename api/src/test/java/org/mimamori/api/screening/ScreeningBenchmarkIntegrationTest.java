package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningStatus;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opt-in benchmark (too slow for the suite): a cohort of synthetic children (100,000 by default, set by
 * {@code -Dmimamori.bench.screening.children}; or the cohort columns of a case file given by
 * {@code -Dmimamori.bench.screening.cases}) uploaded, screened and stored; storage mode by
 * {@code -Dmimamori.bench.screening.storage} (full or compact). Prints the wall time from upload to done, the bytes
 * stored per child (data and indexes of every table a screening writes, after ANALYZE TABLE) and the service
 * JVM's peak resident memory and heap. Run with {@code bench/screening.sh}; the result is in docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "mimamori.bench.screening", matches = "true")
class ScreeningBenchmarkIntegrationTest {

    private static final List<String> TABLES = List.of("screening", "screening_entry", "screening_chunk",
            "screening_file_chunk", "score", "score_state", "score_audit_group", "drift_observation",
            "drift_item_state", "shadow_score", "shadow_contribution");

    @Test
    void aLargeCohortIsScreenedAndStoredInUnderAMinute() throws Exception {
        String storage = System.getProperty("mimamori.bench.screening.storage", "full");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MimamoriApiApplication.class).run(
                "--server.port=0", "--mimamori.data-dir=" + DataDirs.fresh("screening-bench"),
                "--mimamori.models.import-bundle=" + TestBundles.bundle(), "--spring.jmx.enabled=false",
                "--mimamori.screening.storage=" + storage,
                "--mimamori.embedded-db-args=" + System.getProperty("mimamori.bench.db-args", "--skip-name-resolve"),
                "--mimamori.drift.enabled=" + System.getProperty("mimamori.bench.drift", "true"))) {
            FeatureSchema schema = app.getBean(org.mimamori.api.models.ActiveModels.class).current().scorer().schema();
            String cases = System.getProperty("mimamori.bench.screening.cases", "");
            Path cohort = cases.isBlank() ? Cohorts.cohort(Integer.getInteger("mimamori.bench.screening.children",
                    100_000), 7) : cohortOf(Path.of(cases), schema);
            int n = (int) (lines(cohort) - 1);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long bytesBefore = bytes(jdbc);
            Clients clients = new Clients(((WebServerApplicationContext) app).getWebServer().getPort());
            long start = System.nanoTime();
            UUID id = clients.screenings("demo-supervisor").createScreening(cohort.toFile(), null).getId();
            long accepted = System.nanoTime();
            Screening s;
            do {
                Thread.sleep(1000);
                s = clients.screenings("demo-supervisor").getScreening(id, AccessPurpose.SCREENING);
            } while (s.getStatus() != ScreeningStatus.DONE && s.getStatus() != ScreeningStatus.FAILED
                    && System.nanoTime() - start < 1_800_000_000_000L);
            long done = System.nanoTime();
            double total = (done - start) / 1e9;
            double perChild = (double) (bytes(jdbc) - bytesBefore) / n;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("SCREENING BENCHMARK (storage %s, drift %s): %,d children (%,d bytes of file); "
                    + "upload+check %.1f s; screened and stored %.1f s after upload; %.1f s in all; %,.0f children/s; "
                    + "%,.0f bytes stored per child; service JVM peak RSS %s, heap max %,d MB (committed %,d MB), "
                    + "JVM args %s%n", storage, System.getProperty("mimamori.bench.drift", "true"), n,
                    Files.size(cohort), (accepted - start) / 1e9, (done - accepted) / 1e9, total, n / total, perChild,
                    peakRss(), rt.maxMemory() >> 20, rt.totalMemory() >> 20,
                    ManagementFactory.getRuntimeMXBean().getInputArguments());
            assertThat(s.getStatus()).as(s.getError()).isEqualTo(ScreeningStatus.DONE);
            assertThat(s.getScored()).isEqualTo(n);
            assertThat(total).isLessThan(60.0);
        }
    }

    /** Data and index bytes of the tables a screening writes, after their statistics are brought up to date. */
    private static long bytes(JdbcTemplate jdbc) {
        TABLES.forEach(t -> jdbc.queryForList("ANALYZE TABLE " + t));
        Long b = jdbc.queryForObject("SELECT SUM(data_length + index_length) FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_name IN ('" + String.join("','", TABLES) + "')",
                Long.class);
        return b == null ? 0 : b;
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("?");
    }

    private static long lines(Path file) throws IOException {
        try (var l = Files.lines(file)) {
            return l.count();
        }
    }

    /** The cohort columns (reference and items that may be sent for scoring) of a case file, as a cohort file. */
    private static Path cohortOf(Path cases, FeatureSchema schema) {
        Path out = Path.of("target", "cohorts", "from-" + cases.getParent().getFileName() + ".csv").toAbsolutePath();
        if (Files.exists(out)) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(cases, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(Files.createDirectories(out.getParent()).resolve(
                     out.getFileName()), StandardCharsets.UTF_8)) {
            List<Integer> keep = new ArrayList<>();
            CsvTable.stream(in, cases.toString(), header -> {
                List<String> names = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    boolean sendable = schema.item(header.get(c)).filter(i -> i.role() == Role.REFERENCE_ID
                            || i.whyNotSentForScoring() == null).isPresent();
                    if (sendable) {
                        keep.add(c);
                        names.add(header.get(c));
                    }
                }
                CsvTable.writeLine(w, names);
                List<String> row = new ArrayList<>(keep.size());
                return cells -> {
                    row.clear();
                    keep.forEach(c -> row.add(cells[c]));
                    CsvTable.writeLine(w, row);
                };
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
