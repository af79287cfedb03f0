package org.mimamori.api.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.mimamori.api.audit.AccessContext;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.cessation.Cessations;
import org.mimamori.api.database.TimeOrderedIds;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.problems.UnavailableException;
import org.mimamori.api.security.Caller;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the scores of concurrent {@code POST /api/v1/scores} requests together (group commit): a request
 * queues its score and waits; a committer thread takes every score queued so far (at most
 * {@code mimamori.scores.group-max}, default 32) and records them in one transaction — each score with its audit
 * record, its response kept compressed ({@link StoredResponses}) and what the {@link ScoreListener}s add — with one
 * JDBC batch per table and one durable commit, then wakes each of their requests. Scores queued while a group commits make the next group, so
 * the busier the service, the larger the groups and the fewer the commits per score. Each request returns only
 * once its own score and audit record are committed. A child under a cessation-of-use request is refused alone;
 * when a group fails for a reason other than the database being unavailable, each of its scores is recorded
 * again on its own, so one bad score costs no other. {@code mimamori.scores.committers} (default 1: one committer
 * makes the largest groups) groups may be committing at once, each on its own pooled connection.
 */
@Service
class ScoreCommits {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreCommits.class);
    private static final String INSERT = "INSERT INTO score (id, child_ref, purpose, model_version, schema_id, "
            + "requested_by, requester_role, created_at, request_json, response_language, response_fingerprint, "
            + "band_id, probability, red_flag_count, response_kept) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** How long a queued score may wait for a committer before its request is answered 503 (nothing stored). */
    private static final long QUEUED_FOR_AT_MOST_SECONDS = 30;

    /** One score waiting to be recorded, and how its recording ended. */
    static final class Pending {
        final UUID id;
        final String childRef;
        final String purpose;
        final Caller caller;
        final Case input;
        final ExplainedScore explained;
        final FeatureSchema schema;
        final Instant at;
        final String requestJson;
        final String language;
        final StoredResponsesService.Kept kept;
        final AccessContext context;
        final Runnable alsoRecord;
        private final CountDownLatch finished = new CountDownLatch(1);
        private volatile boolean done;
        private volatile Throwable failure;

        Pending(UUID id, String childRef, String purpose, Caller caller, Case input, ExplainedScore explained,
                FeatureSchema schema, Instant at, String requestJson, byte[] responseJson, String language,
                AccessContext context, Runnable alsoRecord) {
            this.id = id;
            this.childRef = childRef;
            this.purpose = purpose;
            this.caller = caller;
            this.input = input;
            this.explained = explained;
            this.schema = schema;
            this.at = at;
            this.requestJson = requestJson;
            this.language = language;
            this.kept = StoredResponsesService.Kept.of(responseJson); // in the request's thread
            this.context = context;
            this.alsoRecord = alsoRecord;
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Cessations cessations;
    private final List<ScoreListener> listeners;
    private final int groupMax;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private final DistributionSummary groupSizes;
    private volatile boolean stopping;

    ScoreCommits(JdbcTemplate jdbc, AuditTrail audit, PlatformTransactionManager transactions,
                 Cessations cessations, List<ScoreListener> listeners, MeterRegistry meters,
                 @Value("${mimamori.scores.group-max:32}") int groupMax,
                 @Value("${mimamori.scores.committers:1}") int committers) {
        this.jdbc = jdbc;
        this.audit = audit;
        // a group that loses a write conflict (error 1213; Galera certification) is run again as a whole
        this.tx = new org.mimamori.api.database.RetryingTransactionTemplate(transactions);
        this.cessations = cessations;
        this.listeners = List.copyOf(listeners);
        this.groupMax = Math.max(1, groupMax);
        this.groupSizes = DistributionSummary.builder("mimamori.scores.group.size")
                .description("Scores recorded together in one transaction (group commit)").register(meters);
        for (int i = 0; i < Math.max(1, committers); i++) {
            Thread t = new Thread(this::commitGroups, "score-commits-" + (i + 1));
            t.setDaemon(true);
            this.committers.add(t);
            t.start();
        }
    }

    /**
     * Records a score with its audit record; returns once they are committed.
     *
     * @param p the score
     * @throws RuntimeException what refused or failed its recording; then nothing of it is stored
     */
    void commit(Pending p) {
        if (stopping) {
            throw new UnavailableException(UnavailableException.STOPPING);
        }
        queue.add(p);
        boolean interrupted = false;
        try {
            if (!p.finished.await(QUEUED_FOR_AT_MOST_SECONDS, TimeUnit.SECONDS) && queue.remove(p)) {
                throw new UnavailableException(UnavailableException.BUSY);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            if (queue.remove(p)) {
                Thread.currentThread().interrupt();
                throw new UnavailableException(UnavailableException.STOPPING);
            }
        }
        // taken by a committer: its outcome is what the database says, however long that takes
        while (true) {
            try {
                p.finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (p.failure instanceof RuntimeException e) {
            throw e;
        }
        if (p.failure instanceof Error e) {
            throw e;
        }
        if (p.failure != null) {
            throw new IllegalStateException(p.failure);
        }
    }

    /** A committer: takes what is queued, records it as one group, wakes its requests; until the service stops. */
    private void commitGroups() {
        List<Pending> group = new ArrayList<>(groupMax);
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, groupMax - 1);
                groupSizes.record(group.size());
                record(group);
            } catch (InterruptedException e) {
                if (!stopping) {
                    LOG.warn("A score committer was interrupted; it goes on");
                }
            } catch (RuntimeException | Error e) { // record() ends every score of the group; this is a bug
                LOG.error("A group of {} scores could not be recorded", group.size(), e);
                group.forEach(q -> {
                    if (!q.done) {
                        q.failure = e;
                        q.done = true;
                    }
                });
            } finally {
                group.forEach(q -> q.finished.countDown());
                group.clear();
            }
        }
    }

    /** Stops taking scores, commits what is queued, and ends the committers. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread t : committers) {
            t.join(TimeUnit.SECONDS.toMillis(QUEUED_FOR_AT_MOST_SECONDS));
        }
    }

    private void record(List<Pending> group) {
        try {
            tx.executeWithoutResult(status -> write(group));
            group.forEach(q -> q.done = true);
        } catch (RuntimeException | Error e) {
            boolean unavailable = e instanceof DataAccessException && !(e instanceof DataIntegrityViolationException);
            if (group.size() > 1 && !unavailable) {
                for (Pending q : group) {
                    if (!q.done) {
                        record(List.of(q));
                    }
                }
            } else {
                group.forEach(q -> {
                    if (!q.done) {
                        q.failure = e;
                        q.done = true;
                    }
                });
            }
        }
    }

    private void write(List<Pending> group) {
        Set<String> covered = cessations.coveredAmong(group.stream().map(q -> q.childRef).toList());
        List<Pending> kept = new ArrayList<>(group.size());
        for (Pending q : group) {
            if (covered.contains(q.childRef)) { // org.mimamori.api.cessation: never scored again
                q.failure = new ConflictException("子ども " + q.childRef + " には利用停止の請求が出ています。記録を使えないため、"
                        + "スコアを算出しません。何も保存していません。", "Child " + q.childRef + " is under a "
                        + "cessation-of-use request: their records may no longer be used, so the child is not "
                        + "scored. Nothing was stored.");
                q.done = true;
            } else {
                kept.add(q);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        // in id order, the order of the score table's key (TimeOrderedIds): each row goes after the last one
        kept.sort(java.util.Comparator.comparing((Pending q) -> q.id, TimeOrderedIds.TEXT_ORDER));
        List<Object[]> rows = new ArrayList<>(kept.size());
        for (Pending q : kept) {
            ExplainedScore e = q.explained;
            rows.add(new Object[] {q.id.toString(), q.childRef, q.purpose,
                    e.modelVersion(), e.schemaId(), q.caller.name(), q.caller.role(), Timestamp.from(q.at),
                    q.requestJson, q.language, q.kept.fingerprint(),
                    e.estimate() == null ? null : e.estimate().band().id(),
                    e.estimate() == null ? null : e.estimate().probability(), e.redFlags().size(), q.kept.compressed()});
        }
        if (rows.size() == 1) {
            jdbc.update(INSERT, rows.get(0));
        } else {
            jdbc.batchUpdate(INSERT, rows);
        }
        for (Pending q : kept) {
            if (q.alsoRecord != null) { // the caller's own assessment (JudgementFirst)
                q.alsoRecord.run();
            }
        }
        if (!listeners.isEmpty()) {
            // one call per schema (a model activated meanwhile makes a second one), at the newest score's time
            Map<FeatureSchema, List<Pending>> bySchema = new java.util.LinkedHashMap<>();
            kept.forEach(q -> bySchema.computeIfAbsent(q.schema, k -> new ArrayList<>()).add(q));
            bySchema.forEach((schema, qs) -> {
                List<ScoreListener.Recorded> recorded = qs.stream().map(q -> new ScoreListener.Recorded(q.id,
                        q.childRef, q.purpose, q.input, q.explained, null))
                        .toList();
                Instant at = qs.stream().map(q -> q.at).max(Instant::compareTo).orElseThrow();
                listeners.forEach(l -> l.recorded(recorded, schema, at));
            });
        }
        for (Pending q : kept) {
            audit.recordFor(q.context, AuditEntry.ok(q.at, q.caller.name(), q.caller.role(), "score.create",
                    "score/" + q.id, q.purpose).touching(List.of(q.childRef)));
        }
    }
}
