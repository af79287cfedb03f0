package org.mimamori.api.screening;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.cluster.InstanceId;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.UnavailableException;
import org.mimamori.api.security.Caller;
import org.mimamori.model.schema.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens on every instance: {@code mimamori.screening.threads} workers claim chunks of any instance's screenings
 * ({@link ScreeningChunks}), score them and store each chunk whole in one transaction ({@link ChunkScreener}); a
 * poller looks for claimable chunks every {@code mimamori.screening.poll-interval} (and at once when this instance
 * accepts a screening). A chunk claimed by an instance that died is claimed again once its lease
 * ({@code mimamori.screening.lease}) has expired. Whichever worker stores a screening's last chunk ranks it and
 * records {@code screening.finish}, exactly once. A job that cannot go on (the active model changed, its file is
 * gone) is marked {@code failed} with the reason, exactly once.
 */
@Service
class ScreeningRunner implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningRunner.class);
    /** How often a chunk may be claimed before an unexpected failure fails its job. */
    private static final int MAX_CLAIMS = 3;

    private final ScreeningStore store;
    private final ScreeningChunks chunks;
    private final ChunkScreener screener;
    private final ActiveModels models;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int threads;
    private final Duration lease;
    private final Duration poll;
    private final String instance;
    private final ScheduledExecutorService poller;
    private final ExecutorService workers;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean stopping;

    ScreeningRunner(ScreeningStore store, ScreeningChunks chunks, ChunkScreener screener, ActiveModels models,
                    AuditTrail audit, PlatformTransactionManager transactions, Clock clock, InstanceId instanceId,
                    @Value("${mimamori.screening.threads:2}") int threads,
                    @Value("${mimamori.screening.lease:60s}") Duration lease,
                    @Value("${mimamori.screening.poll-interval:2s}") Duration poll) {
        this.store = store;
        this.chunks = chunks;
        this.screener = screener;
        this.models = models;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.threads = threads;
        this.lease = lease;
        this.poll = poll;
        this.instance = instanceId.value();
        this.poller = Executors.newSingleThreadScheduledExecutor(named("screening-poll"));
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), named("screening-worker"));
    }

    /** Starts polling for claimable chunks (none when {@code mimamori.screening.threads} is 0). */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (threads > 0) {
            poller.scheduleWithFixedDelay(this::poll, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Looks for work at once (a screening was just stored). */
    void submit(String id) {
        if (threads > 0 && !stopping) {
            poller.execute(this::poll);
        }
    }

    private void poll() {
        try {
            failUnchunked();
            while (!stopping && busy.get() < threads) {
                busy.incrementAndGet();
                workers.execute(this::work);
            }
        } catch (RuntimeException e) {
            LOG.warn("Looking for screening work failed; trying again in {}: {}", poll, e.toString());
        }
    }

    /** Claims and stores chunks until none is left to claim. */
    private void work() {
        try {
            while (!stopping) {
                Instant now = now();
                Optional<ScreeningChunks.Claim> claim = tx.execute(s -> chunks.claim(
                        instance + "/" + UUID.randomUUID(), now, now.plus(lease)));
                if (claim == null || claim.isEmpty()) {
                    return;
                }
                process(claim.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("A screening worker stopped: {}", e.toString());
        } finally {
            busy.decrementAndGet();
        }
    }

    private void process(ScreeningChunks.Claim claim) {
        String id = claim.chunk().screeningId();
        Locale language = Locale.ENGLISH;
        try {
            ScreeningStore.Job job = store.job(id).orElse(null);
            if (job == null || !("queued".equals(job.status()) || "running".equals(job.status()))) {
                // the job ended (e.g. failed by retention, which leaves its chunks): no one needs them
                tx.executeWithoutResult(s -> chunks.drop(id));
                return;
            }
            language = Locale.forLanguageTag(job.language());
            ActiveModel model;
            try {
                model = models.current();
            } catch (UnavailableException e) {
                throw new ScreeningFailure(new LocalizedText("実行しようとした時点で有効なモデルがありませんでした："
                        + e.text().ja(), "No model was active when the screening was to run: " + e.text().en()));
            }
            if (!model.version().equals(job.modelVersion())) {
                throw new ScreeningFailure(new LocalizedText("スクリーニングの完了前に有効なモデルが " + job.modelVersion() + " から "
                        + model.version() + " に変わりました。ファイルをもう一度アップロードしてください。",
                        "The active model changed from " + job.modelVersion() + " to " + model.version()
                        + " before the screening finished; upload the file again."));
            }
            store.markRunning(id);
            byte[] part = store.filePart(id, claim.chunk().chunkNo());
            if (part == null) {
                throw new ScreeningFailure(new LocalizedText("保存されていたファイルは保存期間を過ぎて削除されました。"
                        + "ファイルをもう一度アップロードしてください。", "The stored file of the screening is gone "
                        + "(deleted after its retention period); upload the file again."));
            }
            CohortFile file;
            try {
                file = CohortFile.read(model.scorer().schema(), part, null, claim.chunk().firstRow()); // refs checked at upload
            } catch (InvalidRequestException e) {
                throw new ScreeningFailure(new LocalizedText("保存されていたファイルがモデルのスキーマに合わなくなりました："
                        + e.problems().get(0).message().ja(), "The stored file no longer fits the model's schema: "
                        + e.getMessage()));
            }
            Caller caller = new Caller(job.createdBy(), job.creatorRole());
            if (!screener.store(claim, file, model, caller, language, now())) {
                LOG.warn("Screening {} chunk {}: the claim was lost (lease expired and taken over); nothing stored",
                        id, claim.chunk().chunkNo());
                return;
            }
            LOG.debug("Screening {} chunk {} stored ({} rows)", id, claim.chunk().chunkNo(), claim.chunk().rowCount());
            finishIfLast(job);
        } catch (ScreeningFailure e) {
            LOG.warn("Screening {} failed: {}", id, e.getMessage());
            fail(id, e.reason.in(language));
        } catch (RuntimeException e) {
            if (stopping) {
                release(claim);
                return;
            }
            if (databaseFault(e)) {
                // The database (or its node, on Galera) went away: nothing of the chunk was stored, and the fault
                // says nothing about the job, so it never counts towards failing it. Given back (or, when that
                // fails too, its lease expires) and claimed again once the database answers.
                LOG.warn("Screening {} chunk {}: the database failed ({}); the chunk is given back", id,
                        claim.chunk().chunkNo(), e.toString());
                release(claim);
                return;
            }
            if (claim.chunk().claims() >= MAX_CLAIMS) {
                LOG.error("Screening {} failed at chunk {}", id, claim.chunk().chunkNo(), e);
                fail(id, new LocalizedText("スクリーニングは予期しないエラーで失敗しました。記録済みです。",
                        "The screening failed unexpectedly; it was logged.").in(language));
            } else {
                LOG.warn("Screening {} chunk {} failed ({}); it is given back and tried again", id,
                        claim.chunk().chunkNo(), e.toString());
                release(claim);
            }
        }
    }

    /** Ranks the job and records its end, when its last chunk is stored; only one worker anywhere does. */
    private void finishIfLast(ScreeningStore.Job job) {
        String id = job.id();
        if (chunks.unfinished(id) > 0) {
            return;
        }
        Instant now = now();
        long[] took = new long[2];
        Boolean finished = tx.execute(s -> {
            long t0 = System.nanoTime();
            if (chunks.unfinished(id) > 0 || !store.markDone(id, now)) {
                return false;
            }
            long t1 = System.nanoTime();
            store.rank(id);
            took[0] = (t1 - t0) / 1_000_000;
            took[1] = (System.nanoTime() - t1) / 1_000_000;
            chunks.drop(id);
            audit.record(AuditEntry.ok(now, job.createdBy(), job.creatorRole(), "screening.finish",
                    "screening/" + id, "screening"));
            return true;
        });
        if (Boolean.TRUE.equals(finished)) {
            LOG.info("Screening {} done: {} children, {} ms after it was accepted (file dropped in {} ms, "
                    + "ranked in {} ms)", id, job.total(),
                    java.time.Duration.between(job.createdAt(), clock.instant()).toMillis(), took[0], took[1]);
        }
    }

    /** Jobs with no chunks (stored before chunked screening, V15) cannot be run: they fail with the reason. */
    private void failUnchunked() {
        for (ScreeningStore.Job j : store.unchunked()) {
            String version = safeVersion();
            fail(j.id(), (version != null && !version.equals(j.modelVersion())
                    ? new LocalizedText("スクリーニングの完了前に有効なモデルが " + j.modelVersion() + " から " + version
                    + " に変わりました。ファイルをもう一度アップロードしてください。", "The active model changed from "
                    + j.modelVersion() + " to " + version + " before the screening finished; upload the file again.")
                    : new LocalizedText("このスクリーニングは以前の版のサービスが保存したもので、再開できません。ファイルをもう一度"
                    + "アップロードしてください。", "The screening was stored by an earlier version of the service and "
                    + "cannot be resumed; upload the file again.")).in(Locale.forLanguageTag(j.language())));
        }
    }

    private String safeVersion() {
        try {
            return models.current().version();
        } catch (UnavailableException e) {
            return null;
        }
    }

    private void fail(String id, String reason) {
        try {
            Instant now = now();
            tx.executeWithoutResult(s -> {
                if (!store.markFailed(id, now, reason)) {
                    return; // another worker ended it
                }
                chunks.drop(id);
                ScreeningStore.Job j = store.job(id).orElseThrow();
                audit.record(new AuditEntry(null, now, j.createdBy(), j.creatorRole(), "screening.finish",
                        "screening/" + id, "screening", "failed"));
            });
        } catch (RuntimeException e) {
            LOG.error("Screening {} could not be marked failed; it is tried again", id, e);
        }
    }

    /** A lost connection, a timeout, a lock conflict: faults of the database, not of the job. */
    private static boolean databaseFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private void release(ScreeningChunks.Claim claim) {
        try {
            tx.executeWithoutResult(s -> chunks.release(claim));
        } catch (RuntimeException e) {
            LOG.warn("Could not give back chunk {} of screening {}; its lease expires: {}", claim.chunk().chunkNo(),
                    claim.chunk().screeningId(), e.toString());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        poller.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
            workers.shutdownNow();
            LOG.warn("Screening workers did not stop in time; their claims expire");
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A job that cannot go on, with a reason for people (stored in the language the job was asked in). */
    static final class ScreeningFailure extends RuntimeException {
        private final transient LocalizedText reason;

        ScreeningFailure(LocalizedText reason) {
            super(reason.en());
            this.reason = reason;
        }
    }
}
