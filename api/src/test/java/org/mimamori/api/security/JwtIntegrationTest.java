package org.mimamori.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real signed JWTs against the service in the {@code prod} profile over real HTTP (no demo tokens): a valid
 * token of each role is accepted, and every token that is not the identity provider's, not for this service,
 * not valid now or without a Mimamori role is refused with a 401 problem, and nothing is stored.
 *
 * <p>Every request goes through {@link #send}, which returns the response, so that a check per case can be added
 * in one place; each refusal is checked to leave one audit record under its request id.
 */
class JwtIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCORE = """
            {"childRef":"C-J-0001","purpose":"case_review","items":{"age_years":9,"absence_days_term":12}}""";

    private static ProductionService service;

    @BeforeAll
    static void start() {
        service = ProductionService.get();
    }

    /** A request of the test: what a caller sends, with its bearer token (or none). */
    private record Call(String method, String path, String token, String body) {
    }

    /** Sends a call to the production service and returns the response. */
    private static HttpResponse<String> send(Call call) {
        byte[] body = call.body() == null ? null : call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return service.http().send(call.method(), call.path(), call.token(), body == null ? null
                : "application/json", body);
    }

    /**
     * For each role, an operation and the status it answers: one the role may do, and for privacy officers (who
     * have none of the existing operations) 403, which shows that the token was accepted, unlike 401.
     */
    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of(Roles.CASEWORKER, "POST", "/api/v1/scores", SCORE, 201),
                Arguments.of(Roles.SUPERVISOR, "POST", "/api/v1/scores", SCORE, 201),
                Arguments.of(Roles.ANALYST, "GET", "/api/v1/models?purpose=model_management", null, 200),
                Arguments.of(Roles.AUDITOR, "GET", "/api/v1/audit?limit=5&purpose=audit", null, 200),
                Arguments.of(Roles.ADMIN, "GET", "/api/v1/models?purpose=model_management", null, 200),
                Arguments.of(Roles.PRIVACY_OFFICER, "GET", "/api/v1/audit?limit=5&purpose=disclosure_request",
                        null, 403));
    }

    @Test
    void everyRoleHasACase() {
        assertThat(roles().map(a -> (String) a.get()[0])).containsExactlyInAnyOrderElementsOf(Roles.ALL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void aValidTokenOfEachRoleIsAccepted(String role, String method, String path, String body, int status)
            throws Exception {
        HttpResponse<String> r = send(new Call(method, path, service.tokens().forRole(role), body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (status == 403) {
            assertThat(JSON.readTree(r.body()).get("detail").asText()).isEqualTo("Your role may not do this.");
        }
        if (method.equals("POST")) {
            JsonNode score = JSON.readTree(r.body());
            assertThat(score.get("requestedBy").asText()).as("the caller is the token's subject")
                    .isEqualTo(role + "-user");
        }
    }

    @Test
    void aTokenWithSeveralRolesHasThemAll() {
        String token = service.tokens().forRole(Roles.ANALYST,
                c -> c.claim("roles", List.of(Roles.ANALYST, Roles.AUDITOR)));
        assertThat(send(new Call("GET", "/api/v1/models?purpose=model_management", token, null)).statusCode())
                .isEqualTo(200);
        assertThat(send(new Call("GET", "/api/v1/audit?limit=1&purpose=audit", token, null)).statusCode())
                .isEqualTo(200);
        assertThat(send(new Call("POST", "/api/v1/scores", token, SCORE)).statusCode()).isEqualTo(403);
    }

    /** Tokens the service must refuse, each of a caseworker (who could otherwise score). */
    static Stream<Arguments> refused() {
        Instant now = Instant.now();
        String role = Roles.CASEWORKER;
        List<Arguments> cases = List.of(
                refusal("no token", t -> null),
                refusal("not a JWT", t -> "not-a-jwt"),
                refusal("a demo token", t -> "demo-caseworker"),
                refusal("expired", t -> t.forRole(role, c -> c.issueTime(Date.from(now.minusSeconds(3600)))
                        .notBeforeTime(Date.from(now.minusSeconds(3600)))
                        .expirationTime(Date.from(now.minusSeconds(600))))),
                refusal("not valid yet", t -> t.forRole(role, c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))
                        .expirationTime(Date.from(now.plusSeconds(1200))))),
                refusal("wrong issuer", t -> t.forRole(role, c -> c.issuer("https://idp.other.invalid/realms/x"))),
                refusal("no issuer", t -> t.forRole(role, c -> c.issuer(null))),
                refusal("wrong audience", t -> t.forRole(role, c -> c.audience("another-service"))),
                refusal("no audience", t -> t.forRole(role, c -> c.audience((String) null))),
                refusal("wrong key", t -> t.signedWithAnotherKey(role)),
                refusal("alg none", t -> t.unsigned(role)),
                refusal("HS256 with the public key", t -> t.hmacWithThePublicKey(role)),
                refusal("a tampered payload", t -> tamper(t.forRole(Roles.ANALYST), t.forRole(role))),
                refusal("missing roles claim", t -> t.forRole(role, c -> c.claim("roles", null))),
                refusal("empty roles claim", t -> t.forRole(role, c -> c.claim("roles", List.of()))),
                refusal("only unknown roles", t -> t.forRole(role, c -> c.claim("roles", List.of("janitor")))));
        return cases.stream();
    }

    private static Arguments refusal(String name, Function<Tokens, String> token) {
        return Arguments.of(name, token);
    }

    /** The header and signature of one token around the payload of another. */
    private static String tamper(String signed, String payloadFrom) {
        String[] a = signed.split("\\.");
        String[] b = payloadFrom.split("\\.");
        return a[0] + "." + b[1] + "." + a[2];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusedTokenIs401ProblemAndNothingIsStored(String name, Function<Tokens, String> token) throws Exception {
        long scores = service.rows("score");
        HttpResponse<String> r = send(new Call("POST", "/api/v1/scores", token.apply(service.tokens()), SCORE));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("type").asText()).isEqualTo("urn:mimamori:problem:unauthenticated");
        assertThat(problem.get("detail").asText()).startsWith("A valid bearer token is needed.")
                .doesNotContain("Jwt", "Exception", "nimbus");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(service.rows("score")).isEqualTo(scores);
        assertRecordedAsRefused(r);
    }

    /** The refused request left exactly one audit record, found by its request id, naming no caller. */
    private static void assertRecordedAsRefused(HttpResponse<String> r) {
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        List<java.util.Map<String, Object>> records = service.jdbc().queryForList(
                "SELECT actor, outcome FROM audit_event WHERE request_id = ?", requestId);
        assertThat(records).as("audit records of request %s", requestId).hasSize(1);
        assertThat(records.get(0)).containsEntry("outcome", "unauthenticated").containsEntry("actor", "anonymous");
    }

    @Test
    void refusalsSayWhyInPlainWordsWhenTheCallerCanActOnIt() throws Exception {
        Instant now = Instant.now();
        Tokens t = service.tokens();
        assertThat(detail(t.forRole(Roles.CASEWORKER, c -> c.issueTime(Date.from(now.minusSeconds(3600)))
                .notBeforeTime(Date.from(now.minusSeconds(3600))).expirationTime(Date.from(now.minusSeconds(600))))))
                .contains("The token has expired.");
        assertThat(detail(t.forRole(Roles.CASEWORKER, c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(1200)))))).contains("The token is not valid yet.");
        assertThat(detail(t.forRole(Roles.CASEWORKER, c -> c.audience("another-service"))))
                .contains("it is not meant for this service");
        assertThat(detail(t.forRole(Roles.CASEWORKER, c -> c.issuer("https://idp.other.invalid/"))))
                .contains("it was not issued by this service's identity provider");
        assertThat(detail(t.forRole(Roles.CASEWORKER, c -> c.claim("roles", null))))
                .contains("it gives no Mimamori role (claim 'roles')");
        assertThat(detail(t.signedWithAnotherKey(Roles.CASEWORKER))).isEqualTo("A valid bearer token is needed.");
    }

    private static String detail(String token) throws Exception {
        HttpResponse<String> r = send(new Call("GET", "/api/v1/models?purpose=model_management", token, null));
        assertThat(r.statusCode()).isEqualTo(401);
        return JSON.readTree(r.body()).get("detail").asText();
    }

    @Test
    void demoTokensOfEveryRoleAreRefusedInProduction() {
        for (String role : Roles.ALL) {
            assertThat(send(new Call("GET", "/api/v1/models?purpose=model_management", "demo-" + role, null))
                    .statusCode()).isEqualTo(401);
        }
    }
}
