package org.mimamori.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Leases in the real database, claimed by several "instances" (each its own {@link JdbcClusterLeases} with its own
 * id) on clocks the test sets: one holder at a time, a holder that stops renewing (as a dead instance does) loses
 * the lease exactly when it expires, and racing claims of one period let exactly one job run.
 */
class ClusterLeasesIntegrationTest extends IntegrationTestBase {

    private static final Duration HOLD = Duration.ofSeconds(30);

    @Autowired
    InstanceId serviceInstance;

    @Test
    void oneHolderAtATimeAndADeadHolderLosesTheLeaseWhenItExpires() {
        String name = fresh();
        Instant t0 = Instant.parse("2026-12-01T03:30:00Z");
        assertThat(at("a", t0).claim(name, HOLD)).isTrue();
        assertThat(at("b", t0.plusSeconds(1)).claim(name, HOLD)).as("b while a holds it").isFalse();
        assertThat(at("b", t0.plusSeconds(1)).holder(name)).contains("a");
        // a renews: its lease now ends 30 s after the renewal
        assertThat(at("a", t0.plusSeconds(20)).claim(name, HOLD)).isTrue();
        assertThat(at("b", t0.plusSeconds(31)).claim(name, HOLD)).as("b before the renewed lease ends").isFalse();
        // a dies (renews no more): b gets the lease once it has expired, not a millisecond before
        assertThat(at("b", t0.plusSeconds(50).minusMillis(1)).claim(name, HOLD)).isFalse();
        assertThat(at("b", t0.plusSeconds(50)).claim(name, HOLD)).isTrue();
        assertThat(at("a", t0.plusSeconds(51)).claim(name, HOLD)).as("a, back, while b holds it").isFalse();
        assertThat(at("a", t0.plusSeconds(51)).holder(name)).contains("b");
        assertThat(at("a", t0.plusSeconds(81)).holder(name)).as("nobody after b's lease").isEmpty();
    }

    @Test
    void aReleasedLeaseCanBeClaimedAtOnceAndOnlyItsHolderReleasesIt() {
        String name = fresh();
        Instant t0 = Instant.parse("2026-12-01T04:00:00Z");
        assertThat(at("a", t0).claim(name, HOLD)).isTrue();
        at("b", t0).release(name);
        assertThat(at("b", t0.plusSeconds(1)).claim(name, HOLD)).as("after b's release of a's lease").isFalse();
        at("a", t0.plusSeconds(2)).release(name);
        assertThat(at("b", t0.plusSeconds(2)).claim(name, HOLD)).isTrue();
    }

    @Test
    void racingInstancesRunAJobOncePerPeriod() throws Exception {
        String name = fresh();
        Instant t0 = Instant.parse("2026-12-02T03:30:00Z");
        List<String> ids = List.of("a", "b", "c", "d");
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            for (int period = 0; period < 10; period++) {
                // every instance fires within a second of the period's start, as their schedules do
                Instant start = t0.plus(Duration.ofMinutes(period));
                AtomicInteger runs = new AtomicInteger();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> ran = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    JdbcClusterLeases leases = at(ids.get(i), start.plusMillis(200L * i));
                    Callable<Boolean> fire = () -> {
                        go.await();
                        return leases.runOnce(name, HOLD, runs::incrementAndGet);
                    };
                    ran.add(pool.submit(fire));
                }
                go.countDown();
                int ranHere = 0;
                for (Future<Boolean> f : ran) {
                    ranHere += f.get() ? 1 : 0;
                }
                assertThat(runs.get()).as("runs in period " + period).isEqualTo(1);
                assertThat(ranHere).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theServiceHasAnInstanceIdAndLeaseNamesAndHoldsAreChecked() {
        assertThat(serviceInstance.value()).matches(ClusterConfiguration.ID);
        assertThat(ClusterConfiguration.generated()).isNotEqualTo(ClusterConfiguration.generated())
                .contains("-" + ProcessHandle.current().pid() + "-");
        assertThatThrownBy(() -> at("a", Instant.now()).claim("Retention; DROP", HOLD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at("a", Instant.now()).claim(fresh(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private JdbcClusterLeases at(String instance, Instant now) {
        return new JdbcClusterLeases(jdbc, Clock.fixed(now, ZoneOffset.UTC), () -> instance);
    }

    private static String fresh() {
        return "test." + UUID.randomUUID();
    }
}
