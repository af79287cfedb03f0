package org.mimamori.api.database;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link TransactionTemplate} that runs the whole transaction again, up to {@code attempts} times in all, when
 * the database rolled it back as the loser of a write conflict: on MariaDB Galera a transaction that loses
 * certification against a write set of another node (e.g. two nodes appending to the audit chain's head), or one
 * aborted by a replicated write set, fails with error 1213 ("Deadlock found" / "WSREP detected deadlock/conflict"),
 * exactly as InnoDB reports a local deadlock. Such a transaction was rolled back whole, so running its callback
 * again is safe as long as the callback has no effect outside the transaction (work after the commit belongs in
 * {@code afterCommit} synchronizations, which a rolled-back attempt never runs).
 *
 * <p>Nothing else is retried: a lost connection (the driver's {@code 25S03}), a failed commit whose outcome is
 * unknown, a timeout or a constraint violation surface at once (a database outage becomes a 503 problem). A
 * transaction that joins one already running is not retried on its own; the outermost template retries. docs/scaling.md
 * ("Database: Galera") says where conflicts come from.
 */
public class RetryingTransactionTemplate extends TransactionTemplate {

    /** Attempts in all, the first included, unless told otherwise. */
    public static final int DEFAULT_ATTEMPTS = 5;

    /** MariaDB's ER_LOCK_DEADLOCK, also Galera's certification failure and brute-force abort. */
    static final int ER_LOCK_DEADLOCK = 1213;

    private static final Logger LOG = LoggerFactory.getLogger(RetryingTransactionTemplate.class);

    private final int attempts;

    /** A template with {@link #DEFAULT_ATTEMPTS}. */
    public RetryingTransactionTemplate(PlatformTransactionManager transactions) {
        this(transactions, DEFAULT_ATTEMPTS);
    }

    /**
     * @param attempts attempts in all (1 = no retry)
     */
    public RetryingTransactionTemplate(PlatformTransactionManager transactions, int attempts) {
        super(transactions);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        if (!startsOwnTransaction()) {
            return super.execute(action);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return super.execute(action);
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isWriteConflict(e)) {
                    if (attempt > 1) {
                        Metrics.counter("mimamori.database.conflicts", "outcome", "gave_up").increment();
                    }
                    throw e;
                }
                Metrics.counter("mimamori.database.conflicts", "outcome", "retried").increment();
                LOG.warn("A transaction lost a write conflict (attempt {} of {}), running it again: {}", attempt,
                        attempts, rootMessage(e));
                if (!pause(attempt)) {
                    throw e;
                }
            }
        }
    }

    /**
     * True when this template begins a transaction of its own: {@code REQUIRES_NEW}, or {@code REQUIRED} with none
     * running on this thread. Joined transactions, and work without a transaction (whose statements commit one by
     * one), are never run again.
     */
    private boolean startsOwnTransaction() {
        int p = getPropagationBehavior();
        return p == TransactionDefinition.PROPAGATION_REQUIRES_NEW
                || p == TransactionDefinition.PROPAGATION_REQUIRED
                && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * @return true when {@code e} or one of its causes is the database's report that the transaction was rolled
     *     back as a deadlock or certification-conflict loser (error 1213, SQLSTATE 40001)
     */
    public static boolean isWriteConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s
                    && (s.getErrorCode() == ER_LOCK_DEADLOCK || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause, longer at each attempt, so that the two losers of a conflict do not meet again. */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 1));
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
