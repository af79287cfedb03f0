package org.mimamori.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mimamori.api.security.Roles.ADMIN;
import static org.mimamori.api.security.Roles.ANALYST;
import static org.mimamori.api.security.Roles.AUDITOR;
import static org.mimamori.api.security.Roles.CASEWORKER;
import static org.mimamori.api.security.Roles.PRIVACY_OFFICER;
import static org.mimamori.api.security.Roles.SUPERVISOR;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mimamori.api.contract.Contract;
import org.mimamori.api.support.Multipart;

/**
 * The access matrix (docs/api.md, "Roles and tokens"), operation by operation, against the service in the
 * {@code prod} profile with real JWTs: every operation of the contract, as the running service reads it, is
 * sent by every role, without a token and with a garbage token. A role of its row must get through (neither
 * 401 nor 403: what follows, e.g. 404 for the made-up ids, is the operation's business); every other role gets
 * a 403 problem, no or a garbage token a 401 problem. An operation of the contract without a row fails.
 *
 * <p><b>A new operation is added to {@link #EXPECTED}</b>, with the roles that may call it and a body if it
 * takes one.
 */
class AccessMatrixIntegrationTest {

    private static final String SCORE = """
            {"childRef":"C-M-0001","purpose":"case_review","items":{"age_years":9}}""";

    /** The expected matrix: for every operationId of the contract, its body and the roles that may call it. */
    private static final Map<String, Row> EXPECTED = rows(
            row("createScore", json(SCORE), CASEWORKER, SUPERVISOR),
            row("getScore", none(), CASEWORKER, SUPERVISOR, AUDITOR),
            row("recordAssessment", json("{\"level\":\"moderate\"}"), CASEWORKER, SUPERVISOR),
            row("createDecision", json("{\"decision\":\"monitor\",\"reason\":\"test\"}"), CASEWORKER, SUPERVISOR),
            row("recordOutcome", json("{\"needConfirmed\":false,\"confirmedOn\":\"2026-01-05\"}"), CASEWORKER,
                    SUPERVISOR),
            row("getSimilarOutcomes", none(), CASEWORKER, SUPERVISOR),
            row("signOffDecision", json("{\"approve\":true}"), SUPERVISOR),
            row("reviewScores", none(), SUPERVISOR, AUDITOR),
            row("openRedFlags", none(), SUPERVISOR, AUDITOR),
            row("reviewAgreement", none(), SUPERVISOR, AUDITOR, ANALYST, ADMIN),
            row("createScreening", file("child_ref,age_years\nnot a cohort\n"), SUPERVISOR),
            row("getScreening", none(), CASEWORKER, SUPERVISOR, AUDITOR, ANALYST, ADMIN),
            row("listScreeningEntries", none(), CASEWORKER, SUPERVISOR, AUDITOR),
            row("updateScreeningEntry", json("{\"status\":\"reviewed_no_action\"}"), CASEWORKER, SUPERVISOR),
            row("listModels", none(), SUPERVISOR, AUDITOR, ANALYST, ADMIN),
            row("uploadModel", file("not a model bundle"), ANALYST, ADMIN),
            row("activateModel", none(), ANALYST, ADMIN),
            // model lifecycle: a version nobody has (404), and a rollback without its reason (400): nothing changes
            row("shadowModel", none(), ANALYST, ADMIN, SUPERVISOR),
            row("endShadow", none(), ANALYST, ADMIN, SUPERVISOR),
            row("approveModel", json("{\"reason\":\"test\"}"), SUPERVISOR, ADMIN),
            row("rollbackModel", json("{}"), SUPERVISOR, ADMIN),
            row("getModelHistory", none(), SUPERVISOR, AUDITOR, ANALYST, ADMIN),
            row("listAuditEvents", none(), AUDITOR),
            row("auditHead", none(), AUDITOR, ADMIN),
            row("verifyAudit", none(), AUDITOR),
            row("requestCessation", json("{\"mode\":\"restrict\"}"), PRIVACY_OFFICER),
            row("getCessation", none(), PRIVACY_OFFICER),
            row("getDisclosure", none(), PRIVACY_OFFICER),
            row("createCorrection", json("{\"purpose\":\"correction_request\",\"reason\":\"test\","
                    + "\"items\":{\"age_years\":9}}"), PRIVACY_OFFICER),
            row("runRetention", none(), ADMIN),
            // --- outcome monitoring and model cards ---
            row("outcomeMonitoring", none(), SUPERVISOR, ANALYST, AUDITOR, ADMIN),
            row("getModelCard", none(), SUPERVISOR, ANALYST, AUDITOR, ADMIN),
            row("getModelCardPlot", none(), SUPERVISOR, ANALYST, AUDITOR, ADMIN),
            // shadow report
            row("getShadowReport", none(), SUPERVISOR, AUDITOR, ANALYST, ADMIN),
            // --- drift ---
            row("getDrift", none(), SUPERVISOR, ANALYST, ADMIN, AUDITOR),
            row("getScreeningDrift", none(), SUPERVISOR, ANALYST, ADMIN, AUDITOR));

    /** What a path parameter is filled with: ids nobody has, so allowed calls change nothing. */
    private static final Map<String, String> PATH_VALUES = Map.of(
            "id", UUID.nameUUIDFromBytes("access-matrix".getBytes(StandardCharsets.UTF_8)).toString(),
            "version", "0123456789abcdef",
            "entryId", "1",
            "childRef", "ACCESS-MATRIX-NOBODY",
            "plot", "roc.png");

    /** The purpose each caller names when it reads (every read under /api/v1 names one). */
    private static final Map<String, String> PURPOSES = Map.of(CASEWORKER, "case_review", SUPERVISOR, "supervision",
            ANALYST, "model_management", AUDITOR, "audit", ADMIN, "model_management", PRIVACY_OFFICER,
            "disclosure_request");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static ProductionService service;

    @BeforeAll
    static void start() {
        service = ProductionService.get();
    }

    /** Who calls: a role's valid JWT, or no token, or a garbage token. */
    private record Caller(String name, String token, String role) {
    }

    private static List<Caller> callers() {
        List<Caller> out = new ArrayList<>();
        for (String role : Roles.ALL) {
            out.add(new Caller(role, service.tokens().forRole(role), role));
        }
        out.add(new Caller("no token", null, null));
        out.add(new Caller("garbage token", "garbage.token.value", null));
        return out;
    }

    @Test
    void everyOperationOfTheContractHasARowAndEveryRowAnOperation() {
        List<String> operations = endpoints().stream().map(Contract.Endpoint::operationId).toList();
        assertThat(operations).as("operations of the contract without a row in EXPECTED")
                .allMatch(EXPECTED::containsKey);
        assertThat(EXPECTED.keySet()).as("rows of EXPECTED that are no operation of the contract")
                .allMatch(operations::contains);
    }

    @TestFactory
    Stream<DynamicTest> everyOperationByEveryCaller() {
        List<Caller> callers = callers();
        return endpoints().stream().flatMap(e -> callers.stream().map(c -> DynamicTest.dynamicTest(
                e.operationId() + " by " + c.name(), () -> check(e, c))));
    }

    private static void check(Contract.Endpoint endpoint, Caller caller) {
        Row row = EXPECTED.get(endpoint.operationId());
        assertThat(row).as("no row in EXPECTED for %s %s (%s)", endpoint.method(), endpoint.path(),
                endpoint.operationId()).isNotNull();
        HttpResponse<String> r = send(endpoint, row, caller);
        String what = endpoint.method() + " " + endpoint.path() + " by " + caller.name() + ": " + r.body();
        if (caller.role() == null) {
            assertThat(r.statusCode()).as(what).isEqualTo(401);
        } else if (row.roles().contains(caller.role())) {
            assertThat(r.statusCode()).as(what).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(r.statusCode()).as(what).isEqualTo(403);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what)
                    .startsWith("application/problem+json");
        }
        assertThat(r.headers().allValues("Cache-Control")).as(what).containsExactly("no-store");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    }

    /** Sends one operation as one caller and returns the response. */
    private static HttpResponse<String> send(Contract.Endpoint endpoint, Row row, Caller caller) {
        Matcher m = PARAMETER.matcher(endpoint.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = PATH_VALUES.get(m.group(1));
            assertThat(value).as("no value in PATH_VALUES for the path parameter {%s}", m.group(1)).isNotNull();
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        if (endpoint.method().equals("GET")) {
            // Similar past cases take a scoring purpose; a purpose the role would not give is a 400, never 401/403.
            path.append("?purpose=").append(endpoint.path().endsWith("/similar-outcomes") ? "case_review"
                    : caller.role() == null ? "case_review" : PURPOSES.get(caller.role()));
        }
        return service.http().send(endpoint.method(), path.toString(), caller.token(), row.body().contentType(),
                row.body().bytes());
    }

    private static List<Contract.Endpoint> endpoints() {
        return service.bean(Contract.class).endpoints();
    }

    /** A request body: its content type and bytes, or none. */
    private record Body(String contentType, byte[] bytes) {
    }

    /** A row of the matrix: what the operation is sent with, and who may call it. */
    private record Row(Body body, Set<String> roles) {
    }

    private static Map.Entry<String, Row> row(String operationId, Body body, String... roles) {
        return Map.entry(operationId, new Row(body, Set.of(roles)));
    }

    @SafeVarargs
    private static Map<String, Row> rows(Map.Entry<String, Row>... rows) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (Map.Entry<String, Row> r : rows) {
            assertThat(out.put(r.getKey(), r.getValue())).as("two rows for %s", r.getKey()).isNull();
        }
        return out;
    }

    private static Body none() {
        return new Body(null, null);
    }

    private static Body json(String json) {
        return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Body file(String content) {
        return new Body(Multipart.CONTENT_TYPE, Multipart.file("file", "upload.bin",
                content.getBytes(StandardCharsets.UTF_8)));
    }
}
