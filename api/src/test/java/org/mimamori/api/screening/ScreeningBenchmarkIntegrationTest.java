package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Opt-in benchmark (too slow for the suite): a cohort of 100,000 synthetic children (size set by
 * {@code -Dmimamori.bench.screening.children}) screened and stored in under 60 s. Run with
 * {@code bench/screening.sh}; the result is in docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "mimamori.bench.screening", matches = "true")
class ScreeningBenchmarkIntegrationTest {

    @Test
    void aLargeCohortIsScreenedAndStoredInUnderAMinute() {
        int n = Integer.getInteger("mimamori.bench.screening.children", 100_000);
        Path cohort = Cohorts.cohort(n, 7);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MimamoriApiApplication.class).run(
                "--server.port=0", "--mimamori.data-dir=" + DataDirs.fresh("screening-bench"),
                "--mimamori.models.import-bundle=" + TestBundles.bundle(), "--spring.jmx.enabled=false",
                "--mimamori.drift.enabled=" + System.getProperty("mimamori.bench.drift", "true"))) {
            Clients clients = new Clients(((WebServerApplicationContext) app).getWebServer().getPort());
            long start = System.nanoTime();
            UUID id = clients.screenings("demo-supervisor").createScreening(cohort.toFile(), null).getId();
            long accepted = System.nanoTime();
            Screening s = ScreeningIntegrationTest.awaitFinished(clients.screenings("demo-supervisor"), id);
            long done = System.nanoTime();
            double total = (done - start) / 1e9;
            System.out.printf("SCREENING BENCHMARK (drift " + System.getProperty("mimamori.bench.drift", "true")
                    + "): %,d children; upload+check %.1f s; screened and stored %.1f s "
                    + "after upload; %.1f s in all; %,.0f children/s%n", n, (accepted - start) / 1e9,
                    (done - accepted) / 1e9, total, n / total);
            assertThat(s.getStatus()).isEqualTo(ScreeningStatus.DONE);
            assertThat(s.getScored()).isEqualTo(n);
            assertThat(total).isLessThan(60.0);
        }
    }
}
