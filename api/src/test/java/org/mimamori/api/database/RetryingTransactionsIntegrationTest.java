package org.mimamori.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.model.audit.AuditVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link RetryingTransactionTemplate} against the real (embedded) MariaDB: a real deadlock (error 1213, what a
 * Galera certification conflict also reports) between two audited transactions is survived by running the loser
 * again, both commit with one audit record each and the chain stays intact; other errors are not retried; the bound
 * holds; a transaction that joins another is retried only by the outermost template.
 */
class RetryingTransactionsIntegrationTest extends IntegrationTestBase {

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditTrail audit;
    @Autowired
    EmbeddedMariaDb db;
    @Autowired
    DataSource dataSource;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void probeTable() {
        db.runAsAdministrator("CREATE TABLE IF NOT EXISTS mimamori.retry_probe (id INT PRIMARY KEY, n INT NOT NULL) "
                + "ENGINE=InnoDB; DELETE FROM mimamori.retry_probe; "
                + "INSERT INTO mimamori.retry_probe VALUES (1, 0), (2, 0); "
                + "GRANT SELECT, INSERT, UPDATE ON mimamori.retry_probe TO '" + db.username() + "'@'127.0.0.1'");
    }

    @AfterEach
    void dropProbe() {
        db.runAsAdministrator("DROP TABLE IF EXISTS mimamori.retry_probe");
    }

    @Test
    void theLoserOfARealDeadlockRunsAgainAndBothCommitWithTheirAuditRecords() throws Exception {
        RetryingTransactionTemplate tx = new RetryingTransactionTemplate(transactions);
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        long before = lastAuditId();
        double retriedBefore = retried();

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> crossUpdate(tx, 1, 2, bothHoldOneRow, runs));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> crossUpdate(tx, 2, 1, bothHoldOneRow, runs));
        CompletableFuture.allOf(a, b).get(60, TimeUnit.SECONDS);

        assertThat(runs.get()).as("one of the two ran again after losing the deadlock").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT n FROM retry_probe ORDER BY id", Integer.class))
                .as("both transactions' updates are stored, each once").containsExactly(2, 2);
        assertThat(jdbc.queryForList("SELECT resource FROM audit_event WHERE id > ? AND action = 'retry.probe' "
                + "ORDER BY resource", String.class, before))
                .as("one audit record per committed transaction, none of the rolled-back attempt")
                .containsExactly("probe/1-2", "probe/2-1");
        try (Connection c = dataSource.getConnection()) {
            assertThat(AuditVerifier.verify(c, 10).intact()).isTrue();
        }
        assertThat(retried() - retriedBefore).as("the service's metric counts the retry").isEqualTo(1.0);
    }

    private double retried() {
        io.micrometer.core.instrument.Counter c = meters.find("mimamori.database.conflicts").tag("outcome", "retried")
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void otherErrorsAreNotRetried() {
        RetryingTransactionTemplate tx = new RetryingTransactionTemplate(transactions);
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            runs.incrementAndGet();
            jdbc.update("INSERT INTO retry_probe VALUES (1, 9)");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void aConflictThatKeepsComingIsGivenUpAfterTheBound() {
        RetryingTransactionTemplate tx = new RetryingTransactionTemplate(transactions, 4);
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            runs.incrementAndGet();
            jdbc.update("UPDATE retry_probe SET n = n + 1 WHERE id = 1");
            throw new org.springframework.dao.CannotAcquireLockException("conflict", new SQLException(
                    "WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction",
                    "40001", 1213));
        })).isInstanceOf(DataAccessException.class);
        assertThat(runs.get()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT n FROM retry_probe WHERE id = 1", Integer.class))
                .as("every attempt was rolled back").isZero();
    }

    @Test
    void aTransactionThatJoinsAnotherIsRetriedByTheOutermostOnly() {
        RetryingTransactionTemplate outer = new RetryingTransactionTemplate(transactions, 2);
        RetryingTransactionTemplate inner = new RetryingTransactionTemplate(transactions, 5);
        AtomicInteger innerRuns = new AtomicInteger();
        assertThatThrownBy(() -> outer.executeWithoutResult(s -> inner.executeWithoutResult(t -> {
            innerRuns.incrementAndGet();
            throw new org.springframework.dao.CannotAcquireLockException("conflict",
                    new SQLException("Deadlock found when trying to get lock", "40001", 1213));
        }))).isInstanceOf(DataAccessException.class);
        assertThat(innerRuns.get()).as("2 outer attempts, the inner one never on its own").isEqualTo(2);
    }

    @Test
    void recognisesTheConflictDeepInACauseChainOnly() {
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        assertThat(RetryingTransactionTemplate.isWriteConflict(new RuntimeException("wrapped",
                new org.springframework.dao.DataAccessResourceFailureException("audit", deadlock)))).isTrue();
        assertThat(RetryingTransactionTemplate.isWriteConflict(new SQLException("lost", "25S03", 0))).isFalse();
        assertThat(RetryingTransactionTemplate.isWriteConflict(new SQLException("timeout", "HY000", 1205)))
                .isFalse();
    }

    /** Updates row {@code first}, waits until the other holds its row, then updates {@code second}; audited. */
    private void crossUpdate(RetryingTransactionTemplate tx, int first, int second, CyclicBarrier barrier,
                             AtomicInteger runs) {
        tx.executeWithoutResult(s -> {
            int run = runs.incrementAndGet();
            jdbc.update("UPDATE retry_probe SET n = n + 1 WHERE id = ?", first);
            if (run <= 2) { // the first attempts meet; the retry goes alone
                try {
                    barrier.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            jdbc.update("UPDATE retry_probe SET n = n + 1 WHERE id = ?", second);
            audit.record(AuditEntry.ok(Instant.now().truncatedTo(ChronoUnit.MILLIS), "test", "admin", "retry.probe",
                    "probe/" + first + "-" + second, null));
        });
    }
}
