package org.mimamori.api.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.api.ScoresApi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Opt-in benchmark ({@code -Dmimamori.bench.drift-cost=true}): the time of one {@code POST /api/v1/scores} through
 * the generated client with drift collection off and on, 300 sequential scores each after 100 to warm up, on
 * services of their own. The result is in docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "mimamori.bench.drift-cost", matches = "true")
class DriftCostBenchmarkIntegrationTest {

    @Test
    void collectionAddsLittleToAScore() {
        double off = millisPerScore(false);
        double on = millisPerScore(true);
        System.out.printf("DRIFT COST: POST /api/v1/scores %.2f ms without drift collection, %.2f ms with%n", off,
                on);
        assertThat(on).isPositive();
    }

    private static double millisPerScore(boolean drift) {
        Path dir = DataDirs.fresh("drift-cost-" + drift);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MimamoriApiApplication.class).run(
                "--server.port=0", "--mimamori.data-dir=" + dir, "--mimamori.models.import-bundle="
                        + TestBundles.bundle(), "--spring.jmx.enabled=false", "--mimamori.drift.enabled=" + drift)) {
            ScoresApi scores = new Clients(((WebServerApplicationContext) app).getWebServer().getPort())
                    .scores("demo-caseworker");
            for (int i = 0; i < 100; i++) {
                scores.createScore(Cases.high("COST-W" + i), "en");
            }
            long start = System.nanoTime();
            for (int i = 0; i < 300; i++) {
                scores.createScore(Cases.high("COST-" + i), "en");
            }
            return (System.nanoTime() - start) / 1e6 / 300;
        } finally {
            DataDirs.remove(dir);
        }
    }
}
