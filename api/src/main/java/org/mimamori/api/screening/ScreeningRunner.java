package org.mimamori.api.screening;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.cessation.Cessations;
import org.mimamori.api.contract.Contract;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.scoring.ScoreRecorder;
import org.mimamori.api.security.Caller;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs screening jobs one at a time, scoring each in batches on a small worker pool. Each batch (its scores and
 * entries, keyed by row) is committed in one transaction, so a job stopped by a shutdown or crash has only whole
 * batches stored; at start-up, jobs left {@code queued} or {@code running} are resumed without scoring stored rows
 * again, or marked {@code failed} with the reason when they cannot be (e.g. the active model changed).
 */
@Service
class ScreeningRunner implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningRunner.class);

    private final ScreeningStore store;
    private final ActiveModels models;
    private final ScoreRecorder recorder;
    private final AuditTrail audit;
    private final Cessations cessations;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Contract contract;
    private final int batchSize;
    private final ExecutorService jobs;
    private final ExecutorService workers;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    ScreeningRunner(ScreeningStore store, ActiveModels models, ScoreRecorder recorder, AuditTrail audit,
                    PlatformTransactionManager transactions, ObjectMapper json, Contract contract, Cessations cessations,
                    @Value("${mimamori.screening.threads:2}") int threads,
                    @Value("${mimamori.screening.batch-size:1000}") int batchSize) {
        this.store = store;
        this.models = models;
        this.recorder = recorder;
        this.audit = audit;
        this.cessations = cessations;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.contract = contract;
        this.batchSize = batchSize;
        this.jobs = Executors.newSingleThreadExecutor(named("screening-job"));
        this.workers = Executors.newFixedThreadPool(threads, named("screening-worker"));
    }

    /** Queues a stored job. */
    void submit(String id) {
        jobs.submit(() -> run(id));
    }

    /** Resumes the jobs a previous run of the service left unfinished. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (ScreeningStore.Job j : store.unfinished()) {
            LOG.info("Resuming screening {} ({}; {} of {} stored)", j.id(), j.status(), j.scored(), j.total());
            submit(j.id());
        }
    }

    private void run(String id) {
        try {
            runOrThrow(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Screening {} interrupted by shutdown; stored batches are kept and it resumes at next start", id);
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.warn("Screening {} stopped by shutdown ({}); it resumes at next start", id, e.toString());
                return;
            }
            if (e instanceof ScreeningFailure) {
                LOG.warn("Screening {} failed: {}", id, e.getMessage());
                fail(id, e.getMessage());
            } else {
                LOG.error("Screening {} failed", id, e);
                fail(id, "The screening failed unexpectedly (" + e.getClass().getSimpleName() + "); it was logged.");
            }
        }
    }

    private void runOrThrow(String id) throws InterruptedException {
        ScreeningStore.Job job = store.job(id).orElse(null);
        if (job == null || !("queued".equals(job.status()) || "running".equals(job.status()))) {
            return;
        }
        ActiveModel model;
        try {
            model = models.current();
        } catch (org.mimamori.api.problems.UnavailableException e) {
            throw new ScreeningFailure("No model was active when the screening was to run: " + e.getMessage());
        }
        if (!model.version().equals(job.modelVersion())) {
            throw new ScreeningFailure("The active model changed from " + job.modelVersion() + " to "
                    + model.version() + " before the screening finished; upload the file again.");
        }
        store.markRunning(id);
        FeatureSchema schema = model.scorer().schema();
        CohortFile file;
        try {
            file = CohortFile.read(schema, store.file(id), contract);
        } catch (InvalidRequestException e) {
            throw new ScreeningFailure("The stored file no longer fits the model's schema: " + e.getMessage());
        }
        BitSet stored = store.storedRows(id);
        List<int[]> batches = new ArrayList<>();
        int[] batch = new int[batchSize];
        int n = 0;
        for (int row = 1; row <= file.cases().size(); row++) {
            if (!stored.get(row)) {
                batch[n++] = row;
                if (n == batchSize) {
                    batches.add(batch);
                    batch = new int[batchSize];
                    n = 0;
                }
            }
        }
        if (n > 0) {
            batches.add(java.util.Arrays.copyOf(batch, n));
        }
        Caller caller = new Caller(job.createdBy(), job.creatorRole());
        Locale locale = Locale.forLanguageTag(job.language());
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(batches.size());
        for (int[] rows : batches) {
            futures.add(workers.submit(() -> {
                storeBatch(id, rows, file, model, caller, locale);
                done.addAndGet(rows.length);
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        store.rank(id);
        Instant now = now();
        tx.executeWithoutResult(s -> {
            store.markDone(id, now);
            audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "screening.finish", "screening/" + id,
                    "screening"));
        });
        LOG.info("Screening {} done: {} children scored and stored in {} ms ({} were already stored)", id,
                done.get(), (System.nanoTime() - started) / 1_000_000, stored.cardinality());
    }

    private void storeBatch(String id, int[] rows, CohortFile file, ActiveModel model, Caller caller,
                            Locale locale) {
        if (stopping || Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("stopping");
        }
        FeatureSchema schema = model.scorer().schema();
        List<String> refs = new ArrayList<>(rows.length);
        for (int row : rows) {
            refs.add(file.refs().get(row - 1));
        }
        // Children under a cessation-of-use request (org.mimamori.api.cessation) are skipped, never scored.
        Set<String> ceased = tx.execute(status -> cessations.coveredAmong(refs));
        List<ScoreRecorder.Batched> scores = new ArrayList<>(rows.length);
        List<ScreeningStore.NewEntry> entries = new ArrayList<>(rows.length);
        for (int row : rows) {
            Case c = file.cases().get(row - 1);
            String ref = file.refs().get(row - 1);
            if (ceased.contains(ref)) {
                entries.add(ScreeningStore.NewEntry.skipped(row));
                continue;
            }
            ExplainedScore s = model.scorer().score(c);
            UUID scoreId = UUID.randomUUID();
            scores.add(new ScoreRecorder.Batched(scoreId, ref, ScreenedChild.items(c, schema), c, s));
            boolean flagged = s.estimate() != null && s.estimate().band().flagged();
            entries.add(new ScreeningStore.NewEntry(row, scoreId.toString(), ref,
                    s.estimate() == null ? null : s.estimate().probability(),
                    s.estimate() == null ? null : s.estimate().band().id(), flagged, s.redFlags().size(),
                    ScreenedChild.alreadySupported(c, schema), write(ScreenedChild.summary(s, schema, locale))));
        }
        Instant now = now();
        tx.executeWithoutResult(status -> {
            // again under lock: a request recorded since the first look skips the child as well
            Set<String> ceasedNow = cessations.coveredAmong(
                    scores.stream().map(ScoreRecorder.Batched::childRef).toList());
            List<ScoreRecorder.Batched> kept = ceasedNow.isEmpty() ? scores
                    : scores.stream().filter(b -> !ceasedNow.contains(b.childRef())).toList();
            List<ScreeningStore.NewEntry> stored = ceasedNow.isEmpty() ? entries : entries.stream()
                    .map(e -> e.childRef() != null && ceasedNow.contains(e.childRef())
                            ? ScreeningStore.NewEntry.skipped(e.rowNo()) : e).toList();
            if (!kept.isEmpty()) {
                recorder.recordScreening(id, kept, schema, caller, locale, now);
            }
            store.insertEntries(id, stored);
        });
    }

    private void fail(String id, String reason) {
        try {
            Instant now = now();
            tx.executeWithoutResult(s -> {
                store.markFailed(id, now, reason);
                ScreeningStore.Job j = store.job(id).orElseThrow();
                audit.record(new AuditEntry(null, now, j.createdBy(), j.creatorRole(), "screening.finish",
                        "screening/" + id, "screening", "failed"));
            });
        } catch (RuntimeException e) {
            LOG.error("Screening {} could not be marked failed; it is retried at next start", id, e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        jobs.shutdownNow();
        workers.shutdownNow();
        if (!workers.awaitTermination(20, TimeUnit.SECONDS) || !jobs.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("Screening workers did not stop in time");
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

    /** A job that cannot go on, with a reason for people. */
    static final class ScreeningFailure extends RuntimeException {
        ScreeningFailure(String message) {
            super(message);
        }
    }
}
