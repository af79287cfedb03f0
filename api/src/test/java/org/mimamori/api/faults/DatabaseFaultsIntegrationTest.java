package org.mimamori.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.TestBundles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database killed ({@code kill -9}) under load, and stalled ({@code SIGSTOP}) for 20 s: readiness
 * goes DOWN within 5 s, requests get a quick 503 instead of hanging, both recover by themselves, and every score
 * that was answered 201 is readable afterwards, exactly as given.
 */
class DatabaseFaultsIntegrationTest {

    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static Http http;

    @BeforeAll
    static void start() {
        dataDir = DataDirs.fresh("db-faults");
        app = new SpringApplicationBuilder(MimamoriApiApplication.class).run("--server.port=0",
                "--mimamori.data-dir=" + dataDir, "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                "--mimamori.models.demo-when-empty=false", "--spring.jmx.enabled=false");
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        DataDirs.remove(dataDir);
    }

    @Test
    void aKilledDatabaseUnderLoadTurnsReadinessDownIsRestartedAndLosesNoAnsweredScore() throws Exception {
        EmbeddedMariaDb db = app.getBean(EmbeddedMariaDb.class);
        Map<String, String> answered = new ConcurrentHashMap<>();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger seq = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> r = http.post("/api/v1/scores", "demo-caseworker", body(seq.incrementAndGet()));
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 201) {
                        answered.put(URI.create(r.headers().firstValue("Location").orElseThrow()).getPath(), r.body());
                    } else {
                        // As a client told Retry-After would: pause instead of spinning on two cores while the
                        // database recovers.
                        Thread.sleep(200);
                    }
                }
                return null;
            });
        }
        awaitScores(answered, 20);
        int restartsBefore = db.restarts();
        ProcessHandle.of(db.pid()).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();

        assertThat(awaitReadiness(503, Duration.ofSeconds(5))).as("readiness DOWN within 5 s").isTrue();
        int before = answered.size();
        long deadline = killed + Duration.ofSeconds(30).toNanos();
        while (answered.size() <= before + 10 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(answered.size()).as("scoring back within 30 s").isGreaterThan(before + 10);
        assertThat(awaitReadiness(200, Duration.ofSeconds(5))).as("readiness UP again").isTrue();
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(db.restarts()).isEqualTo(restartsBefore + 1);
        assertThat(statuses).as("only 201 or 503 while the database died").allMatch(s -> s == 201 || s == 503);
        assertThat(statuses).contains(503);
        for (Map.Entry<String, String> e : answered.entrySet()) {
            HttpResponse<String> read = http.get(e.getKey(), "demo-caseworker");
            assertThat(read.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(e.getValue());
        }
    }

    @Test
    void aStalledDatabaseGetsQuick503sAndRecoversByItself() throws Exception {
        EmbeddedMariaDb db = app.getBean(EmbeddedMariaDb.class);
        awaitReadiness(200, Duration.ofSeconds(30));
        long pid = db.pid();
        signal("STOP", pid);
        long stalled = System.nanoTime();
        try {
            while (System.nanoTime() - stalled < Duration.ofSeconds(20).toNanos()) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.post("/api/v1/scores", "demo-caseworker", body(0));
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                assertThat(r.statusCode()).as("while stalled").isEqualTo(503);
                assertThat(took).as("a call waits at most the socket timeout").isLessThan(SOCKET_TIMEOUT.plusSeconds(2));
                assertThat(r.headers().firstValue("Retry-After")).as("every 503, before and after the probe saw it")
                        .isPresent();
                assertThat(r.body()).contains("\"status\":503");
                if (System.nanoTime() - stalled > Duration.ofSeconds(SOCKET_TIMEOUT.toSeconds() + 3).toNanos()) {
                    assertThat(took).as("once the probe saw it, at once").isLessThan(Duration.ofSeconds(1));
                    assertThat(http.get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
                }
                Thread.sleep(250);
            }
        } finally {
            signal("CONT", pid);
        }
        assertThat(awaitReadiness(200, Duration.ofSeconds(10))).as("readiness UP after the stall").isTrue();
        assertThat(http.post("/api/v1/scores", "demo-caseworker", body(1)).statusCode()).isEqualTo(201);
        assertThat(db.pid()).as("a stalled server is not restarted").isEqualTo(pid);
    }

    private static String body(int i) {
        return "{\"childRef\":\"C-F%05d\",\"purpose\":\"case_review\",\"items\":{\"age_years\":%d,\"absence_days_term\":%d}}"
                .formatted(i % 100000, 3 + i % 12, i % 30);
    }

    private static void awaitScores(Map<String, String> answered, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answered.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(answered).hasSizeGreaterThanOrEqualTo(n);
    }

    private static boolean awaitReadiness(int status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get("/actuator/health/readiness", null).statusCode() == status) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
