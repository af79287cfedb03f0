package org.mimamori.api.shadow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.scoring.ScoreListener;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.Scorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores every score the active model records with the model in shadow, silently, and stores the result apart.
 *
 * <p>Never costs a live score: in the recording transaction it only notes the scores; after that transaction
 * commits (never when it rolls back) they are handed to one background thread, if the queue has room for them
 * ({@code mimamori.shadow.queue-capacity} scores waiting, default 10,000), and otherwise dropped. The thread
 * scores them with the shadow model and stores the results in a transaction of its own. Every failure, here or
 * there, is caught, counted and logged (at most once a minute), never passed on. The counter
 * {@code mimamori.shadow.scores} counts scores by {@code outcome}: {@code stored}, {@code dropped} (the queue was
 * full), {@code failed} (scoring or storing failed); the gauge {@code mimamori.shadow.queued} is the queue's
 * length. A dropped or failed score is simply missing from the report.
 */
@Component
class ShadowScorer implements ScoreListener, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowScorer.class);

    private final ActiveModels models;
    private final RegisteredScorers registered;
    private final ShadowStore store;
    private final TransactionTemplate tx;
    private final int capacity;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong lastLogged = new AtomicLong();
    private final Counter stored;
    private final Counter dropped;
    private final Counter failed;

    ShadowScorer(ActiveModels models, RegisteredScorers registered, ShadowStore store,
                 PlatformTransactionManager transactions, MeterRegistry meters, ShadowProperties properties) {
        this.models = models;
        this.registered = registered;
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.capacity = properties.queueCapacity();
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "shadow-scoring");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        this.stored = counter(meters, "stored");
        this.dropped = counter(meters, "dropped");
        this.failed = counter(meters, "failed");
        Gauge.builder("mimamori.shadow.queued", queued, AtomicInteger::get)
                .description("Scores waiting to be scored by the shadow model").register(meters);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("mimamori.shadow.scores").description("Scores by the shadow model, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    @Override
    public void recorded(List<Recorded> scores, FeatureSchema schema, Instant at) {
        try {
            Optional<ActiveModel> shadow = models.shadow();
            if (shadow.isEmpty() || scores.isEmpty()) {
                return;
            }
            ActiveModel model = shadow.get();
            List<Recorded> copy = List.copyOf(scores);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        submit(model, copy, at);
                    }
                });
            } else {
                submit(model, copy, at);
            }
        } catch (RuntimeException e) {
            failed(scores.size(), e);
        }
    }

    /** Queues scores for the background thread when there is room; never throws. */
    private void submit(ActiveModel shadow, List<Recorded> scores, Instant at) {
        int n = scores.size();
        try {
            if (queued.addAndGet(n) > capacity) {
                queued.addAndGet(-n);
                dropped.increment(n);
                return;
            }
            try {
                executor.execute(() -> {
                    try {
                        score(shadow, scores, at);
                    } finally {
                        queued.addAndGet(-n);
                    }
                });
            } catch (RuntimeException e) { // shut down
                queued.addAndGet(-n);
                dropped.increment(n);
            }
        } catch (RuntimeException e) {
            failed(n, e);
        }
    }

    /** On the background thread: scores and stores; failures are counted. */
    private void score(ActiveModel shadow, List<Recorded> scores, Instant at) {
        List<ShadowStore.Result> results = new ArrayList<>(scores.size());
        Map<String, Optional<ActiveModel>> actives = new HashMap<>();
        for (Recorded r : scores) {
            try {
                String version = r.explained().modelVersion();
                if (version.equals(shadow.version())) {
                    continue; // the shadow model is the active one now: nothing to compare
                }
                Scorer active = actives.computeIfAbsent(version, registered::registered)
                        .orElseThrow(() -> new IllegalStateException("model " + version + " cannot be read"))
                        .scorer();
                results.add(ShadowResults.of(r, active, shadow.scorer(), shadow.version(), at));
            } catch (RuntimeException e) {
                failed(1, e);
            }
        }
        if (results.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> store.insert(results));
            stored.increment(results.size());
        } catch (RuntimeException e) {
            failed(results.size(), e);
        }
    }

    private void failed(int n, RuntimeException e) {
        try {
            failed.increment(n);
            long now = System.nanoTime();
            long last = lastLogged.get();
            if (last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) {
                lastLogged.set(now == 0 ? 1 : now);
                LOG.warn("Shadow scoring failed for {} score(s) (counted in mimamori.shadow.scores, "
                        + "outcome=failed; logged at most once a minute): {}", n, e.toString());
            }
        } catch (RuntimeException ignored) {
            // nothing more can be done; shadow scoring must never fail a score
        }
    }

    /** Waits a little for queued work (the tests read it), then stops the thread. */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    /** How many scores wait; for tests that wait until shadow scoring caught up. */
    int queued() {
        return queued.get();
    }
}
