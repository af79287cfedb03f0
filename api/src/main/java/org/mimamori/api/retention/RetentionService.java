package org.mimamori.api.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the purge: for each {@link RetentionKind} in order, batches of at most {@code mimamori.retention.batch-size}
 * records older than now minus its period, each batch with its counts in one transaction, until a batch erases
 * nothing; then the run's end and its one audit record ({@code retention.purge}) in one transaction. One run at a
 * time in this instance.
 */
@Service
class RetentionService {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

    private final List<RetentionKind> kinds;
    private final RetentionRunStore runs;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;
    private final ReentrantLock running = new ReentrantLock();

    RetentionService(List<RetentionKind> kinds, RetentionRunStore runs, AuditTrail audit,
                     PlatformTransactionManager transactions, Clock clock,
                     @Value("${mimamori.retention.batch-size:500}") int batchSize) {
        Set<String> names = new HashSet<>();
        for (RetentionKind k : kinds) {
            if (!names.add(k.name())) {
                throw new IllegalStateException("Two retention kinds are named " + k.name());
            }
            if (k.period().isNegative() || k.period().isZero()) {
                throw new IllegalStateException("mimamori.retention." + k.name().replace('_', '-')
                        + " must be a positive duration, not " + k.period());
            }
        }
        if (batchSize < 1) {
            throw new IllegalStateException("mimamori.retention.batch-size must be at least 1, not " + batchSize);
        }
        this.kinds = List.copyOf(kinds);
        this.runs = runs;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Runs the purge now.
     *
     * @param caller who asked (an admin, or the schedule)
     * @return the finished run with its counts
     * @throws ConflictException while another run is under way
     */
    RetentionRunStore.Run run(Caller caller) {
        if (!running.tryLock()) {
            throw new ConflictException("保存期間を過ぎた記録の消去がすでに実行中です。終わってからもう一度実行してください。"
                    + "このリクエストでは何も消去していません。",
                    "A retention purge is already running; try again when it has finished. "
                    + "Nothing was erased by this request.");
        }
        try {
            return runLocked(caller);
        } finally {
            running.unlock();
        }
    }

    private RetentionRunStore.Run runLocked(Caller caller) {
        Instant now = now();
        String id = UUID.randomUUID().toString();
        Map<RetentionKind, Instant> cutoffs = new LinkedHashMap<>();
        kinds.forEach(k -> cutoffs.put(k, now.minus(k.period())));
        tx.executeWithoutResult(s -> {
            runs.start(id, now, caller.name(), caller.role());
            cutoffs.forEach((k, cutoff) -> runs.kind(id, k.name(), k.period(), cutoff));
        });
        try {
            cutoffs.forEach((k, cutoff) -> purge(id, k, cutoff));
        } catch (RuntimeException e) {
            LOG.error("Retention run {} failed; what its committed batches erased is counted in it", id, e);
            tx.executeWithoutResult(s -> {
                Instant end = now();
                runs.finish(id, "failed", end);
                audit.record(new AuditEntry(null, end, caller.name(), caller.role(), "retention.purge",
                        "retention-run/" + id, null, "failed", detail(runs.run(id).orElseThrow()), null));
            });
            throw e;
        }
        RetentionRunStore.Run run = tx.execute(s -> {
            Instant end = now();
            runs.finish(id, "done", end);
            RetentionRunStore.Run done = runs.run(id).orElseThrow();
            audit.record(new AuditEntry(null, end, caller.name(), caller.role(), "retention.purge",
                    "retention-run/" + id, null, "ok", detail(done), null));
            return done;
        });
        LOG.info("Retention run {} done: {}", id, run.kinds());
        return run;
    }

    private void purge(String id, RetentionKind kind, Instant cutoff) {
        while (true) {
            RetentionKind.Erased e = tx.execute(s -> {
                RetentionKind.Erased batch = kind.purge(cutoff, batchSize);
                if (batch.any()) {
                    runs.add(id, kind.name(), batch.records(), batch.attached());
                }
                return batch;
            });
            if (e == null || !e.any()) {
                return;
            }
        }
    }

    /**
     * The counts for the audit record's detail, e.g. {@code erased scores 6 (+6), decisions 1 (+0), ...}: records
     * of each kind (and rows erased with them); at most 255 characters, the full counts are in the run's rows.
     */
    static String detail(RetentionRunStore.Run run) {
        StringBuilder b = new StringBuilder("erased");
        for (RetentionRunStore.KindCount k : run.kinds()) {
            b.append(b.length() == 6 ? " " : ", ").append(k.kind()).append(' ').append(k.records())
                    .append(" (+").append(k.attached()).append(')');
        }
        return b.length() <= 255 ? b.toString() : b.substring(0, 254) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
