package org.mimamori.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.AuditVerification;
import org.mimamori.client.model.AuditVerificationProblemsInner;
import org.mimamori.model.audit.AuditLedger;
import org.mimamori.model.audit.AuditRecord;
import org.mimamori.model.audit.Children;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit chain on its own database: concurrent writers chain into several lanes at once, each lane without
 * gaps; the service's account may only append and read; 100,000 untouched records verify as intact in under
 * 10 s; a record altered, one deleted and one forged directly in SQL (as the database's administrator) are each
 * named by the verification, in any lane, as are two records swapped within a lane, a record moved to another
 * lane, and the newest records of a lane removed with its head wound back (found by the anchor).
 */
@SpringBootTest(classes = MimamoriApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainIntegrationTest {

    private static final Path DATA_DIR = DataDirs.fresh("audit-chain");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedMariaDb db;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mimamori.data-dir", DATA_DIR::toString);
        registry.add("mimamori.models.import-bundle", () -> TestBundles.bundle().toString());
        registry.add("mimamori.models.demo-when-empty", () -> "false");
    }

    @Test
    @Order(1)
    void concurrentWritersKeepOneChainAndTheServiceAccountMayNotChangeOrRemoveIt() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                done.add(pool.submit(() -> audited(25)));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'model.list'", Long.class))
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT lane) FROM audit_event WHERE action = 'model.list'",
                Integer.class)).as("concurrent writers use several lanes").isGreaterThan(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event e JOIN audit_head h ON h.id = e.lane "
                + "WHERE e.seq > h.last_seq", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT lane FROM audit_event WHERE lane IS NOT NULL GROUP BY lane "
                + "HAVING COUNT(*) <> MAX(seq) OR MIN(seq) <> 1", Integer.class)).as("no lane has gaps").isEmpty();
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'someone else'"))
                .hasStackTraceContaining("command denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event")).hasStackTraceContaining("command denied");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_child SET child_ref = 'x'")).hasStackTraceContaining("command denied");
        // the models' change history is append-only as well
        assertThatThrownBy(() -> jdbc.update("UPDATE model_transition SET actor = 'someone else'"))
                .hasStackTraceContaining("command denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM model_transition")).hasStackTraceContaining("command denied");
        assertThat(verify().getIntact()).isTrue();
    }

    @Test
    @Order(2)
    void aLaneHeadRestoredOlderThanItsRecordsIsContinuedAfterTheNewestRecord() {
        Map<Integer, Long> newest = new java.util.HashMap<>();
        jdbc.query("SELECT lane, MAX(seq) AS n FROM audit_event WHERE lane IS NOT NULL GROUP BY lane",
                rs -> {
                    newest.put(rs.getInt("lane"), rs.getLong("n"));
                });
        assertThat(newest).isNotEmpty();
        db.runAsAdministrator("UPDATE mimamori.audit_head SET last_seq = CASE WHEN last_seq > 2 THEN last_seq - 2 "
                + "ELSE 0 END;");

        audited(16); // as many appends as lanes twice over, so every lane in use is appended to

        Map<Integer, Long> after = new java.util.HashMap<>();
        jdbc.query("SELECT lane, MIN(seq) AS n FROM audit_event WHERE lane IS NOT NULL AND id > ? GROUP BY lane",
                rs -> {
                    after.put(rs.getInt("lane"), rs.getLong("n"));
                }, lastIdBefore(newest));
        assertThat(after).isNotEmpty();
        after.forEach((lane, first) -> assertThat(first).as("lane " + lane)
                .isEqualTo(newest.getOrDefault(lane, 0L) + 1));
        assertThat(jdbc.queryForList("SELECT lane FROM audit_event WHERE lane IS NOT NULL GROUP BY lane "
                + "HAVING COUNT(*) <> MAX(seq) OR MIN(seq) <> 1", Integer.class)).as("no lane has gaps").isEmpty();
        assertThat(verify().getIntact()).isTrue();
    }

    /** The newest record id while the lanes' newest numbers were read. */
    private long lastIdBefore(Map<Integer, Long> newest) {
        return newest.entrySet().stream().mapToLong(e -> id(e.getKey(), e.getValue())).max().orElse(0);
    }

    @Test
    @Order(3)
    void oneHundredThousandUntouchedRecordsVerifyInUnderTenSeconds() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Instant at = Instant.parse("2026-11-01T00:00:00Z");
            for (int batch = 0; batch < 20; batch++) {
                List<AuditRecord> records = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    int n = batch * 5_000 + i;
                    records.add(new AuditRecord(at.plusMillis(n), "caseworker-" + (n % 37), "caseworker",
                            "score.read", "score/" + n, "case_review", "ok", null, null,
                            n % 10 == 0 ? Children.of(List.of("C-" + n, "C-" + (n + 1))) : Children.none()));
                }
                AuditLedger.append(c, records);
                c.commit();
            }
        }
        long start = System.nanoTime();
        AuditVerification v = verify();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(v.getIntact()).as(String.valueOf(v.getProblems())).isTrue();
        assertThat(v.getChecked()).isGreaterThanOrEqualTo(100_000);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        Cli cli = verifyAudit();
        assertThat(cli.code()).as(cli.out()).isZero();
        assertThat(cli.out()).startsWith("intact: ");
    }

    @Test
    @Order(4)
    void anAlteredADeletedAndAForgedRecordAreEachNamed() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM audit_event ORDER BY id LIMIT 2000", Long.class);
        long altered = ids.get(500);
        long deleted = ids.get(1000);
        long afterDeleted = jdbc.queryForObject("SELECT n.id FROM audit_event d JOIN audit_event n "
                + "ON n.lane = d.lane AND n.seq = d.seq + 1 WHERE d.id = ?", Long.class, deleted);
        long deletedSeq = jdbc.queryForObject("SELECT seq FROM audit_event WHERE id = ?", Long.class, deleted);
        long listAltered = jdbc.queryForObject("SELECT MIN(audit_id) FROM audit_child WHERE audit_id > ?", Long.class,
                ids.get(1500));
        db.runAsAdministrator("UPDATE mimamori.audit_event SET purpose = 'follow_up' WHERE id = " + altered + "; "
                + "DELETE FROM mimamori.audit_event WHERE id = " + deleted + "; "
                + "UPDATE mimamori.audit_child SET child_ref = 'SOMEONE-ELSE' WHERE audit_id = " + listAltered
                + " LIMIT 1; "
                + "INSERT INTO mimamori.audit_event (at, actor, role, action, resource, outcome) "
                + "VALUES (NOW(3), 'forger', 'auditor', 'score.read', 'score/forged', 'ok');");
        long forged = jdbc.queryForObject("SELECT id FROM audit_event WHERE actor = 'forger'", Long.class);

        AuditVerification v = verify();

        assertThat(v.getIntact()).isFalse();
        Map<Long, AuditVerificationProblemsInner.KindEnum> found = v.getProblems().stream().collect(
                Collectors.toMap(AuditVerificationProblemsInner::getId, AuditVerificationProblemsInner::getKind,
                        (a, b) -> a));
        assertThat(found).containsEntry(altered, AuditVerificationProblemsInner.KindEnum.ALTERED)
                .containsEntry(afterDeleted, AuditVerificationProblemsInner.KindEnum.REMOVED)
                .containsEntry(listAltered, AuditVerificationProblemsInner.KindEnum.ALTERED)
                .containsEntry(forged, AuditVerificationProblemsInner.KindEnum.INSERTED);
        assertThat(v.getProblems()).as("nothing else is reported").hasSize(4);
        assertThat(v.getProblems().stream().filter(p -> p.getId() == afterDeleted).findFirst().orElseThrow()
                .getMessage()).contains("record number " + deletedSeq + " of lane ").contains(" was removed");
        assertThat(verify("ja").getProblems()).as("the same findings, in Japanese for a Japanese reader")
                .extracting(AuditVerificationProblemsInner::getId, p -> p.getMessage().startsWith(
                        p.getKind() == AuditVerificationProblemsInner.KindEnum.REMOVED ? "レーン " : "記録 "))
                .containsExactlyElementsOf(v.getProblems().stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                        p.getId(), true)).toList());
        assertThat(verify("ja-JP").getProblems().stream().filter(p -> p.getId() == afterDeleted).findFirst()
                .orElseThrow().getMessage()).contains("の番号 " + deletedSeq + " の記録が削除されています");

        Cli cli = verifyAudit();
        assertThat(cli.code()).as(cli.out()).isEqualTo(6);
        assertThat(cli.out()).contains("altered " + altered + ":", "removed " + afterDeleted + ":",
                "altered " + listAltered + ":", "inserted " + forged + ":").contains("NOT INTACT");
    }

    @Test
    @Order(5)
    void recordsSwappedInALaneOrMovedToAnotherAndALaneWoundBackAreFound() {
        audited(40); // one writer takes turns through the lanes
        String anchor = new Clients(port).audit("demo-auditor").auditHead(AccessPurpose.AUDIT).getAnchor();
        assertThat(anchor.split(",")).as(anchor).hasSizeGreaterThanOrEqualTo(4);
        List<Integer> lanes = jdbc.queryForList("SELECT lane FROM audit_event WHERE lane > 0 GROUP BY lane "
                + "HAVING COUNT(*) >= 3 ORDER BY lane", Integer.class);
        assertThat(lanes).hasSizeGreaterThanOrEqualTo(3);
        int swapped = lanes.get(0);
        int moved = lanes.get(1);
        int wound = lanes.subList(2, lanes.size()).stream().filter(l -> anchor.contains(jdbc.queryForObject(
                "SELECT CONCAT(last_id, ':', hash) FROM audit_head WHERE id = ?", String.class, l)))
                .findFirst().orElseThrow(); // a lane whose head the anchor holds
        long first = id(swapped, 1);
        long second = id(swapped, 2);
        long movedId = id(moved, 1);
        long afterMoved = id(moved, 2);
        long newest = jdbc.queryForObject("SELECT last_id FROM audit_head WHERE id = ?", Long.class, wound);
        long lastSeq = jdbc.queryForObject("SELECT last_seq FROM audit_head WHERE id = ?", Long.class, wound);
        long before = id(wound, lastSeq - 1);
        String beforeHash = jdbc.queryForObject("SELECT hash FROM audit_event WHERE id = ?", String.class, before);
        assertThat(anchor).contains(newest + ":");
        db.runAsAdministrator("UPDATE mimamori.audit_event SET seq = 1000000 WHERE id = " + first + "; "
                + "UPDATE mimamori.audit_event SET seq = 1 WHERE id = " + second + "; "
                + "UPDATE mimamori.audit_event SET seq = 2 WHERE id = " + first + "; "
                + "UPDATE mimamori.audit_event SET lane = 63 WHERE id = " + movedId + "; "
                + "DELETE FROM mimamori.audit_event WHERE id = " + newest + "; "
                + "UPDATE mimamori.audit_head SET last_seq = " + (lastSeq - 1) + ", last_id = " + before
                + ", hash = '" + beforeHash + "' WHERE id = " + wound + ";");

        Map<Long, AuditVerificationProblemsInner.KindEnum> found = verify().getProblems().stream().collect(
                Collectors.toMap(AuditVerificationProblemsInner::getId, AuditVerificationProblemsInner::getKind,
                        (a, b) -> a));

        assertThat(found).as("the swapped records").containsKeys(first, second)
                .containsEntry(movedId, AuditVerificationProblemsInner.KindEnum.INSERTED)
                .containsEntry(afterMoved, AuditVerificationProblemsInner.KindEnum.REMOVED)
                .doesNotContainKeys(before);
        Cli cli = verifyAudit("--anchor", anchor);
        assertThat(cli.code()).as(cli.out()).isEqualTo(6);
        assertThat(cli.out()).contains("record " + newest + " of the anchor is missing");
    }

    private long id(int lane, long seq) {
        return jdbc.queryForObject("SELECT id FROM audit_event WHERE lane = ? AND seq = ?", Long.class, lane, seq);
    }

    private record Cli(int code, String out) {
    }

    /** The {@code verify-audit} command of the training CLI, against this test's database. */
    private Cli verifyAudit(String... more) {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = org.mimamori.training.cli.MimamoriTraining.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        cli.setErr(new java.io.PrintWriter(out));
        List<String> args = new ArrayList<>(List.of("verify-audit", "--jdbc-url", db.jdbcUrl(), "--user",
                db.username(), "--password-file", db.dataDir().resolve("secrets/db-password").toString()));
        args.addAll(List.of(more));
        int code = cli.execute(args.toArray(String[]::new));
        return new Cli(code, out.toString());
    }

    private AuditVerification verify() {
        return verify(null);
    }

    private AuditVerification verify(String acceptLanguage) {
        return new Clients(port).audit("demo-auditor").verifyAudit(AccessPurpose.AUDIT, acceptLanguage);
    }

    private void audited(int reads) {
        for (int i = 0; i < reads; i++) {
            new Clients(port).models("demo-analyst").listModels(AccessPurpose.MODEL_MANAGEMENT);
        }
    }
}
