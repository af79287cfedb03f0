package org.mimamori.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.mimamori.client.api.ScoresApi;

/**
 * A thread scoring continuously on one instance through the generated client, keeping each score's model version
 * and every failure: the load under which the multi-instance tests switch models and kill instances.
 */
public final class ScoreLoad implements Runnable {

    private final String name;
    private final String refPrefix;
    private final ScoresApi scores;
    private final Duration pause;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong scored = new AtomicLong();
    private final AtomicReference<String> lastVersion = new AtomicReference<>();
    private final AtomicLong lastAt = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    /** The versions scored since it was last cleared. */
    private final ConcurrentLinkedQueue<String> recent = new ConcurrentLinkedQueue<>();
    private Thread thread;

    private ScoreLoad(String name, String refPrefix, ScoresApi scores, Duration pause) {
        this.name = name;
        this.refPrefix = refPrefix;
        this.scores = scores;
        this.pause = pause;
    }

    /**
     * Starts scoring low-need cases of 500 children {@code refPrefix-name-N}, pausing {@code pause} between them.
     */
    public static ScoreLoad start(String name, String refPrefix, ScoresApi scores, Duration pause) {
        ScoreLoad load = new ScoreLoad(name, refPrefix, scores, pause);
        load.thread = new Thread(load, "load-" + name);
        load.thread.setDaemon(true);
        load.thread.start();
        return load;
    }

    @Override
    public void run() {
        int i = 0;
        while (running.get()) {
            long started = System.nanoTime();
            try {
                String v = scores.createScore(Cases.low(refPrefix + "-" + name + "-" + (i++ % 500)), null)
                        .getModelVersion();
                if (started > lastAt.get()) {
                    lastVersion.set(v);
                    lastAt.set(started);
                }
                recent.add(v);
                scored.incrementAndGet();
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }
    }

    public String name() {
        return name;
    }

    public long scored() {
        return scored.get();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public void stop() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join(10_000);
        }
    }

    /**
     * Waits until every load's scores are made with {@code version} (within {@code within} of {@code since}, a
     * {@link System#nanoTime()}), then checks that all their later scores are too (no instance goes back).
     */
    public static void awaitServing(List<ScoreLoad> loads, String version, long since, Duration within)
            throws InterruptedException {
        long deadline = since + within.toNanos();
        for (ScoreLoad load : loads) {
            while (!version.equals(load.lastVersion.get()) || load.lastAt.get() < since) {
                assertThat(System.nanoTime()).as("instance " + load.name + " serves " + version + " within " + within
                        + " (failures so far: " + load.failures + ")").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
        for (ScoreLoad load : loads) {
            load.recent.clear();
        }
        Thread.sleep(500);
        for (ScoreLoad load : loads) {
            assertThat(load.recent).as("instance " + load.name + " after the switch").isNotEmpty()
                    .containsOnly(version);
        }
    }
}
