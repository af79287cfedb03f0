package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.TestBundles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With {@code mimamori.judgement-first=true} a score needs the caller's own assessment first. */
class JudgementFirstIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aScoreWithoutPriorAssessmentIsRefusedAndNothingIsStored() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MimamoriApiApplication.class)
                .run("--server.port=0", "--mimamori.data-dir=" + DataDirs.fresh("judgement-first"),
                        "--spring.jmx.enabled=false", "--mimamori.models.demo-when-empty=false",
                        "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                        "--mimamori.judgement-first=true")) {
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Long audits = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);

            HttpResponse<String> refused = http.post("/api/v1/scores", "demo-caseworker", """
                    {"childRef":"C-0100","purpose":"case_review","items":{"age_years":9}}""");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("priorAssessment");
            assertThat(problem.path("errors").get(0).path("message").asText())
                    .contains("record your own assessment before you see the score");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(audits);

            HttpResponse<String> given = http.post("/api/v1/scores", "demo-caseworker", """
                    {"childRef":"C-0100","purpose":"case_review","items":{"age_years":9},
                     "priorAssessment":{"level":"low"}}""");
            assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score", Long.class)).isEqualTo(1);
        }
    }
}
