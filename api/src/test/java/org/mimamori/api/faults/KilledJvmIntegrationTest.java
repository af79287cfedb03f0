package org.mimamori.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.ServiceProcess;

/**
 * {@code kill -9} of the service's JVM (as the OOM killer would): the embedded MariaDB goes with it, and the next
 * start on the same data directory succeeds and serves what was recorded. When even the database's watchdog was
 * killed, the leftover server is found and stopped by the next start instead of blocking it with
 * "Unable to lock ./ibdata1".
 */
class KilledJvmIntegrationTest {

    private static final String BODY = """
            {"childRef":"C-9001","purpose":"case_review","items":{"age_years":7,"absence_days_term":25}}""";

    @Test
    void afterKill9TheDatabaseDiesWithTheJvmAndTheNextStartSucceedsOnTheSameDataDirectory() {
        Path dataDir = DataDirs.fresh("killed-jvm");
        String created;
        String path;
        try (ServiceProcess first = ServiceProcess.start(dataDir)) {
            HttpResponse<String> r = new Http(first.port()).post("/api/v1/scores", "demo-caseworker", BODY);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            created = r.body();
            path = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
            assertThat(ServiceProcess.databaseProcesses(dataDir)).isNotEmpty();

            first.kill();
            awaitNoDatabaseProcess(dataDir, Duration.ofSeconds(35));
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir)) {
            HttpResponse<String> read = new Http(second.port()).get(path, "demo-caseworker");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(created);

            // Now kill the JVM and the watchdog together: the server itself is left behind as an orphan.
            List<ProcessHandle> watchdogs = ServiceProcess.databaseProcesses(dataDir).stream()
                    .filter(p -> p.info().command().orElse("").endsWith("sh")).toList();
            assertThat(watchdogs).hasSize(1);
            watchdogs.forEach(ProcessHandle::destroyForcibly);
            second.kill();
            assertThat(ServiceProcess.databaseProcesses(dataDir)).as("an orphaned server").hasSize(1);
        }

        try (ServiceProcess third = ServiceProcess.start(dataDir)) {
            assertThat(third.tail()).contains("leftover embedded MariaDB");
            HttpResponse<String> read = new Http(third.port()).get(path, "demo-caseworker");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(created);
        }
        awaitNoDatabaseProcess(dataDir, Duration.ofSeconds(35));
        DataDirs.remove(dataDir);
    }

    private static void awaitNoDatabaseProcess(Path dataDir, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ServiceProcess.databaseProcesses(dataDir).isEmpty() && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(ServiceProcess.databaseProcesses(dataDir)).as("database processes left after the JVM died")
                .isEmpty();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
