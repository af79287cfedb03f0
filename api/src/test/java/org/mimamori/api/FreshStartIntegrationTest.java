package org.mimamori.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.model.bundle.ModelBundle;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh start on an empty data directory registers the demo model the build shipped on the classpath (made at
 * build time by {@code mimamori-training demo-model}; the service trains nothing), activates it, then scores.
 */
class FreshStartIntegrationTest {

    @Test
    void anEmptyRegistryGetsTheDemoModelAndScores() throws Exception {
        String shipped;
        try (var in = getClass().getClassLoader().getResourceAsStream("demo/demo-model.zip")) {
            assertThat(in).as("the build puts the demo bundle on the classpath").isNotNull();
            shipped = ModelBundle.read(in.readAllBytes()).version();
        }
        java.nio.file.Path dir = DataDirs.fresh("fresh");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MimamoriApiApplication.class)
                .run("--server.port=0", "--mimamori.data-dir=" + dir, "--spring.jmx.enabled=false")) {
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            HttpResponse<String> r = http.post("/api/v1/scores", "demo-caseworker", """
                    {"childRef":"C-0100","purpose":"screening","items":{"age_years":3,"nursery_enrolled":"no"}}""");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(r.body()).contains("\"contributions\"");
            HttpResponse<String> models = http.get("/api/v1/models", "demo-analyst");
            assertThat(models.body()).contains("\"active\":true").contains("\"uploadedBy\":\"system\"")
                    .contains("\"version\":\"" + shipped + "\"");
        } finally {
            DataDirs.remove(dir);
        }
    }
}
