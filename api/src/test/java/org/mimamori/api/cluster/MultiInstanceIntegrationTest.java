package org.mimamori.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mimamori.api.config.DebianMariaDb;
import org.mimamori.api.security.Tokens;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.ServiceProcess;
import org.mimamori.api.support.ScoreLoad;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.ModelApprovalRequest;
import org.mimamori.client.model.ModelInfo;
import org.mimamori.training.cli.MimamoriTraining;

/**
 * Three instances of the packaged service (separate JVMs, the {@code prod} profile with JWTs) on one external
 * database, Debian's MariaDB as a municipality runs it ({@link DebianMariaDb}), while two of them score
 * continuously: a model activated on one instance is served by every instance within 5 s; the retention schedule,
 * firing every 5 s on every instance, runs once per period across them, also after one instance is killed; a
 * screening of 5,000 children uploaded to one instance, which is then killed ({@code kill -9}) in the middle of
 * it, is finished by the others with every child of the cohort exactly once in its entries and scored once; no
 * request to the survivors fails; the audit chain verifies ({@code verify-audit}, as the auditor account).
 */
class MultiInstanceIntegrationTest {

    private static final int CHILDREN = 5_000;
    /** Each instance reads the active model this often; a change must be served everywhere within {@link #WITHIN}. */
    private static final Duration REFRESH = Duration.ofSeconds(1);
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Duration SCHEDULE_PERIOD = Duration.ofSeconds(5);
    private static final Duration SCREENING_AFTER_KILL = Duration.ofSeconds(60);

    @Test
    void threeInstancesOneDatabaseOneKilledMidScreening() throws Exception {
        Assumptions.assumeTrue(DebianMariaDb.missing().isEmpty(), () -> "Skipped: the multi-instance test needs "
                + "Debian's MariaDB: " + DebianMariaDb.missing().orElse(""));
        Path dir = DataDirs.fresh("multi-instance");
        Path cohort = Cohorts.cohort(CHILDREN, 12);
        Tokens tokens = Tokens.generate();
        Path publicKey = writePublicKey(tokens, dir);
        List<ServiceProcess> services = new ArrayList<>();
        List<ScoreLoad> loads = new ArrayList<>();
        try (DebianMariaDb db = DebianMariaDb.start(dir.resolve("db"))) {
            Instant begun = Instant.now();
            ServiceProcess a = ServiceProcess.start(dir.resolve("a"), arguments(db, publicKey, "node-a"));
            services.add(a);
            // a migrated the database; b and c start together
            ExecutorService starting = Executors.newFixedThreadPool(2);
            CompletableFuture<ServiceProcess> startB = CompletableFuture.supplyAsync(() ->
                    ServiceProcess.start(dir.resolve("b"), arguments(db, publicKey, "node-b")), starting);
            CompletableFuture<ServiceProcess> startC = CompletableFuture.supplyAsync(() ->
                    ServiceProcess.start(dir.resolve("c"), arguments(db, publicKey, "node-c")), starting);
            CompletableFuture.allOf(startB, startC).handle((x, e) -> x).join();
            starting.shutdown();
            for (CompletableFuture<ServiceProcess> started : List.of(startB, startC)) {
                if (!started.isCompletedExceptionally()) {
                    services.add(started.join()); // closed at the end, even when the other did not start
                }
            }
            ServiceProcess b = startB.join();
            ServiceProcess c = startC.join();
            for (ServiceProcess s : services) {
                assertThat(new Http(s.port()).get("/actuator/prometheus", tokens.forRole("auditor")).body())
                        .contains("mimamori_instance_info{instance=\"node-" + "abc".charAt(services.indexOf(s)));
            }
            loads.add(ScoreLoad.start("b", "C-MI", new Clients(b.port()).scores(tokens.forRole("caseworker")),
                    Duration.ofMillis(20)));
            loads.add(ScoreLoad.start("c", "C-MI", new Clients(c.port()).scores(tokens.forRole("caseworker")),
                    Duration.ofMillis(20)));

            // A model activated on instance a is served by b and c (and a) within 5 s, under load.
            Clients one = new Clients(a.port());
            ModelInfo uploaded = one.models(tokens.forRole("admin")).uploadModel(TestBundles.other().toFile());
            String second = uploaded.getVersion();
            one.models(tokens.forRole("analyst")).shadowModel(second);
            one.models(tokens.forRole("supervisor")).approveModel(second,
                    new ModelApprovalRequest().reason("validated on last year's cases"), null);
            long activated = System.nanoTime();
            one.models(tokens.forRole("analyst")).activateModel(second);
            ScoreLoad.awaitServing(loads, second, activated, WITHIN);
            System.out.printf("multi-instance: model %s activated on a, served by b and c after %d ms%n", second,
                    (System.nanoTime() - activated) / 1_000_000);
            assertThat(one.scores(tokens.forRole("caseworker")).createScore(Cases.low("C-MI-A-1"), null)
                    .getModelVersion()).isEqualTo(second);

            // A screening uploaded to a, and a killed once part of it is stored.
            UUID job = one.screenings(tokens.forRole("supervisor")).createScreening(cohort.toFile(), null).getId();
            int scoredAtKill = awaitScored(db, job, 500);
            a.kill();
            Instant killed = Instant.now();
            assertThat(scoredAtKill).as("the screening was still running when its instance was killed")
                    .isLessThan(CHILDREN);

            String status = awaitFinished(db, job, SCREENING_AFTER_KILL);
            // The schedule keeps running once per period on the survivors (at least three periods after the kill).
            long wait = Duration.between(Instant.now(), killed.plus(SCHEDULE_PERIOD.multipliedBy(3))).toMillis();
            Thread.sleep(Math.max(0, wait));
            for (ScoreLoad load : loads) {
                load.stop();
            }
            for (ScoreLoad load : loads) {
                assertThat(load.failures()).as("failed requests on the surviving instance " + load.name()).isEmpty();
                assertThat(load.scored()).as("scores on instance " + load.name()).isGreaterThan(20);
            }
            assertScheduleRanOncePerPeriod(db, services, begun, killed);
            assertAuditChainVerifies(db);

            // The screening: finished by the survivors, every child once, scored once.
            assertThat(status).as("the screening " + job + " after its instance was killed with " + scoredAtKill
                    + " of " + CHILDREN + " children scored (waited " + SCREENING_AFTER_KILL.toSeconds()
                    + " s for the surviving instances to finish it)").isEqualTo("done");
            assertEveryChildOnceAndScoredOnce(db, job, cohort);
        } finally {
            for (ScoreLoad load : loads) {
                load.stop();
            }
            for (ServiceProcess s : services) {
                s.close();
            }
        }
        DataDirs.remove(dir);
    }

    private static List<String> arguments(DebianMariaDb db, Path publicKey, String id) {
        return List.of("--spring.profiles.active=prod", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.serviceUser(),
                "--spring.datasource.password=" + db.password("service"),
                "--spring.flyway.user=" + db.ownerUser(),
                "--spring.flyway.password=" + db.password("owner"),
                "--mimamori.database.service-account=" + db.serviceAccount(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Tokens.ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + Tokens.AUDIENCE,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--mimamori.instance-id=" + id,
                "--mimamori.screening.batch-size=250",
                // With screening chunks claimed by instances: a dead instance's chunk is claimed again after this.
                "--mimamori.screening.lease=10s",
                "--mimamori.models.refresh-interval=" + REFRESH.toMillis() + "ms",
                "--mimamori.retention.schedule=*/" + SCHEDULE_PERIOD.toSeconds() + " * * * * *",
                "--mimamori.retention.schedule-lease=PT4S");
    }

    /** Waits until the job has stored at least {@code atLeast} children; returns how many. */
    private static int awaitScored(DebianMariaDb db, UUID job, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Number scored = one(db, "SELECT scored FROM screening WHERE id = ?", job.toString());
            if (scored != null && scored.intValue() >= atLeast) {
                return scored.intValue();
            }
            assertThat(System.nanoTime()).as("screening " + job + " storing " + atLeast + " children")
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** The job's status once it is done or failed, or its status after {@code within}. */
    private static String awaitFinished(DebianMariaDb db, UUID job, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String status;
        do {
            try (Connection c = db.readOnly(); PreparedStatement s = c.prepareStatement(
                    "SELECT status, scored FROM screening WHERE id = ?")) {
                s.setString(1, job.toString());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    status = r.getString(1) + (r.getString(1).equals("done") || r.getString(1).equals("failed")
                            ? "" : " (" + r.getInt(2) + " scored)");
                }
            }
            if (status.equals("done") || status.startsWith("failed")) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    /**
     * Every firing of the schedule (every 5 s on each instance) ran the purge on at most one instance: one
     * {@code retention_run} per period (hardly a period missed), as many runs as the instances' logs say they ran,
     * runs after instance a was killed too.
     */
    private static void assertScheduleRanOncePerPeriod(DebianMariaDb db, List<ServiceProcess> services,
                                                       Instant begun, Instant killed) throws Exception {
        Map<Long, Integer> perPeriod = new TreeMap<>();
        List<Instant> starts = new ArrayList<>();
        try (Connection c = db.readOnly(); PreparedStatement s = c.prepareStatement(
                "SELECT started_at FROM retention_run WHERE triggered_by = 'retention-schedule' ORDER BY started_at");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Instant at = r.getTimestamp(1).toInstant();
                starts.add(at);
                perPeriod.merge(at.toEpochMilli() / SCHEDULE_PERIOD.toMillis(), 1, Integer::sum);
            }
        }
        assertThat(perPeriod).as("scheduled purges per 5-s period").isNotEmpty().allSatisfy((period, runs) ->
                assertThat(runs).as("purges in the period starting " + Instant.ofEpochMilli(
                        period * SCHEDULE_PERIOD.toMillis())).isEqualTo(1));
        long first = perPeriod.keySet().iterator().next();
        long last = ((TreeMap<Long, Integer>) perPeriod).lastKey();
        // A period is missed only when its lease holder could not run the purge (its previous run still going on a
        // starved machine, or it was killed just then): at most two of them.
        assertThat(perPeriod.size()).as("periods with a purge, from the first to the last")
                .isGreaterThanOrEqualTo((int) (last - first + 1) - 2);
        assertThat(starts).as("purges after instance a was killed").anyMatch(t -> t.isAfter(killed.plusSeconds(1)));
        // The instances go on purging while this runs, so runs and log lines are compared up to the middle of a
        // period that began over 1.5 s ago (runs begin just after a period's start): one that began between the
        // database's read and the logs' would otherwise count in the logs only.
        long p = SCHEDULE_PERIOD.toMillis();
        Instant cutoff = Instant.ofEpochMilli(Math.floorDiv(System.currentTimeMillis() - 1000 - p / 2, p) * p + p / 2);
        int recorded = (int) starts.stream().filter(t -> t.isBefore(cutoff)).count();
        int logged = 0;
        StringBuilder by = new StringBuilder();
        for (ServiceProcess s : services) {
            int here = countBefore(s.log(), "retention.schedule runs on this instance", cutoff);
            by.append(' ').append(here);
            logged += here;
        }
        System.out.printf("multi-instance: %d scheduled purges in %d periods, by instance a b c (before %s):%s%n",
                starts.size(), perPeriod.size(), cutoff, by);
        assertThat(logged).as("purges the instances' logs report before " + cutoff).isEqualTo(recorded);
        assertThat(starts.get(0)).isAfter(begun);
    }

    /** verify-audit as a municipality's auditor runs it, with the read-only account. */
    private static void assertAuditChainVerifies(DebianMariaDb db) {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = MimamoriTraining.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute("verify-audit", "--jdbc-url", db.jdbcUrl(), "--user", db.auditorUser(),
                "--password-file", db.passwordFile("auditor").toString());
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("intact");
    }

    private static void assertEveryChildOnceAndScoredOnce(DebianMariaDb db, UUID job, Path cohort) throws Exception {
        List<String> children = childRefs(cohort);
        assertThat(children).hasSize(CHILDREN).doesNotHaveDuplicates();
        String id = job.toString();
        assertThat(one(db, "SELECT COUNT(*) FROM screening_entry WHERE screening_id = ?", id).longValue())
                .as("entries of the job").isEqualTo(CHILDREN);
        assertThat(one(db, "SELECT COUNT(DISTINCT child_ref) FROM screening_entry WHERE screening_id = ?", id)
                .longValue()).as("children in the job's entries").isEqualTo(CHILDREN);
        // (a child already supported has a score without a probability: the estimate is withheld)
        assertThat(one(db, "SELECT COUNT(*) FROM screening_entry e JOIN score s ON s.id = e.score_id "
                + "WHERE e.screening_id = ?", id).longValue()).as("entries with a stored score").isEqualTo(CHILDREN);
        // No child scored twice: a score row of a cohort child made after the job was created is the job's.
        assertThat(one(db, "SELECT COUNT(*) FROM score s JOIN screening j ON j.id = ? WHERE s.created_at >= "
                + "j.created_at AND s.child_ref IN (SELECT child_ref FROM screening_entry WHERE screening_id = ?)",
                id, id).longValue()).as("scores of the cohort's children since the job began").isEqualTo(CHILDREN);
        List<String> stored = new ArrayList<>();
        try (Connection c = db.readOnly(); PreparedStatement s = c.prepareStatement(
                "SELECT child_ref FROM screening_entry WHERE screening_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getString(1));
                }
            }
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(children);
    }

    private static List<String> childRefs(Path cohort) throws IOException {
        List<String> lines = Files.readAllLines(cohort, StandardCharsets.UTF_8);
        int column = List.of(lines.get(0).split(",", -1)).indexOf("child_ref");
        assertThat(column).as("the cohort's child_ref column").isNotNegative();
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)[column]).toList();
    }

    private static Number one(DebianMariaDb db, String sql, Object... args) throws SQLException {
        try (Connection c = db.readOnly(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? (Number) r.getObject(1) : null;
            }
        }
    }

    /** Lines holding {@code text} logged before {@code cutoff} (a line begins with its ISO time). */
    private static int countBefore(Path log, String text, Instant cutoff) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return (int) lines.filter(l -> l.contains(text))
                    .filter(l -> Instant.parse(l.substring(0, l.indexOf(' '))).isBefore(cutoff)).count();
        }
    }

    private static Path writePublicKey(Tokens tokens, Path dir) throws IOException {
        Path file = Files.createDirectories(dir).resolve("idp-public.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(tokens.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    }
