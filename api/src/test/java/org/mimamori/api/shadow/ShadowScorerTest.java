package org.mimamori.api.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.scoring.ScoreListener;
import org.mimamori.model.scoring.ExplainedScore;

/**
 * Shadow scoring never passes a failure on to the score being recorded: a shadow model that cannot be had, an
 * active model that cannot be read on the background thread, and a full queue are counted, never thrown.
 */
class ShadowScorerTest {

    private static final ActiveModel SHADOW = new ActiveModel("shadow-version", null);

    private static List<ScoreListener.Recorded> scores(int n) {
        ExplainedScore explained = new ExplainedScore("active-version", "child-support-v1", null, null, 0, 0,
                List.of(), null, null, List.of(), List.of(), List.of(), null);
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new ScoreListener.Recorded(UUID.randomUUID(),
                "C-" + i, "case_review", null, explained, null)).toList();
    }

    private static ActiveModels models(Optional<ActiveModel> shadow, RuntimeException failure) {
        return new ActiveModels() {
            @Override
            public ActiveModel current() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ActiveModel> shadow() {
                if (failure != null) {
                    throw failure;
                }
                return shadow;
            }
        };
    }

    private static double count(MeterRegistry meters, String outcome) {
        return meters.get("mimamori.shadow.scores").tag("outcome", outcome).counter().count();
    }

    @Test
    void aShadowModelThatCannotBeHadIsCountedNeverThrown() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        ShadowScorer s = new ShadowScorer(models(Optional.empty(), new IllegalStateException("registry broken")),
                v -> Optional.empty(), null, null, meters, new ShadowProperties(10, 500, 100));
        assertThatCode(() -> s.recorded(scores(3), null, Instant.now())).doesNotThrowAnyException();
        assertThat(count(meters, "failed")).isEqualTo(3);
        s.destroy();
    }

    @Test
    void noShadowModelDoesNothing() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        ShadowScorer s = new ShadowScorer(models(Optional.empty(), null), v -> {
            throw new AssertionError("nothing is scored without a shadow model");
        }, null, null, meters, new ShadowProperties(10, 500, 100));
        s.recorded(scores(2), null, Instant.now());
        s.destroy();
        assertThat(count(meters, "failed") + count(meters, "dropped") + count(meters, "stored")).isZero();
    }

    @Test
    void aFailureOnTheBackgroundThreadIsCountedThere() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        RegisteredScorers unreadable = v -> {
            throw new IllegalStateException("the bundle cannot be read");
        };
        ShadowScorer s = new ShadowScorer(models(Optional.of(SHADOW), null), unreadable, null, null, meters,
                new ShadowProperties(10, 500, 100));
        assertThatCode(() -> s.recorded(scores(4), null, Instant.now())).doesNotThrowAnyException();
        s.destroy(); // waits for the queued work
        assertThat(count(meters, "failed")).isEqualTo(4);
        assertThat(s.queued()).isZero();
    }

    @Test
    void whatDoesNotFitTheQueueIsDroppedAndCounted() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RegisteredScorers slow = v -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        };
        ShadowScorer s = new ShadowScorer(models(Optional.of(SHADOW), null), slow, null, null, meters,
                new ShadowProperties(5, 500, 100));
        s.recorded(scores(4), null, Instant.now()); // waits on the thread
        s.recorded(scores(2), null, Instant.now()); // 4 + 2 > 5: dropped
        s.recorded(scores(1), null, Instant.now()); // 4 + 1 fits
        assertThat(count(meters, "dropped")).isEqualTo(2);
        assertThat(s.queued()).isEqualTo(5);
        release.countDown();
        s.destroy();
        assertThat(s.queued()).isZero();
        assertThat(count(meters, "failed")).as("the active model could not be had").isEqualTo(5);
        assertThat(meters.get("mimamori.shadow.queued").gauge().value()).isZero();
    }
}
