package org.mimamori.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mimamori.api.support.IntegrationTestBase;

/** Who may call what, against the running service. */
class SecurityIntegrationTest extends IntegrationTestBase {

    private static final String BODY = """
            {"childRef":"C-0042","purpose":"screening","items":{"age_years":4}}""";

    @Test
    void noTokenIs401ProblemAndNothingIsStored() {
        long scores = rows("score");
        HttpResponse<String> r = http().post("/api/v1/scores", null, BODY);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":401");
        assertThat(rows("score")).isEqualTo(scores);
    }

    @Test
    void anUnknownTokenIs401() {
        assertThat(http().post("/api/v1/scores", "demo-janitor", BODY).statusCode()).isEqualTo(401);
        assertThat(http().post("/api/v1/scores", "not.a.jwt", BODY).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/v1/scores, demo-analyst, 403",
        "POST, /api/v1/scores, demo-auditor, 403",
        "POST, /api/v1/scores, demo-admin, 403",
        "POST, /api/v1/scores, demo-caseworker, 201",
        "POST, /api/v1/scores, demo-supervisor, 201",
        "GET, /api/v1/models, demo-caseworker, 403",
        "GET, /api/v1/models, demo-analyst, 200",
        "GET, /api/v1/models, demo-auditor, 200",
        "POST, /api/v1/models/x/activate, demo-caseworker, 403",
        "POST, /api/v1/models/x/activate, demo-supervisor, 403",
        "GET, /api/v1/audit, demo-caseworker, 403",
        "GET, /api/v1/audit, demo-analyst, 403",
        "GET, /api/v1/audit, demo-auditor, 200",
        "GET, /api/v1/audit, demo-admin, 403",
        "GET, /api/v1/audit, demo-privacy_officer, 403",
        "GET, /api/v1/audit/head, demo-admin, 200",
        "GET, /actuator/prometheus, , 401",
    })
    void rolesDecide(String method, String path, String token, int status) {
        long scores = rows("score");
        HttpResponse<String> r = method.equals("GET") ? http().get(path, token) : http().post(path, token, BODY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (status == 403) {
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(rows("score")).isEqualTo(scores);
        }
    }

    @Test
    void healthIsPublic() {
        HttpResponse<String> r = http().get("/actuator/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusShowsTheScoringTimerToAuthenticatedCallers() {
        http().post("/api/v1/scores", "demo-caseworker", BODY);
        HttpResponse<String> r = http().get("/actuator/prometheus", "demo-admin");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("mimamori_scores_seconds_count{").contains("outcome=\"ok\"");
    }
}
