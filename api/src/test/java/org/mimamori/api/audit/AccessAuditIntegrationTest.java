package org.mimamori.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mimamori.api.contract.Contract;
import org.mimamori.api.security.Roles;
import org.mimamori.api.support.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One request of every operation of the contract, by every role, without a token and with a garbage token,
 * leaves exactly one audit record — found by the request's {@code X-Request-Id} — whose outcome is the
 * response's, under the caller who made it.
 */
class AccessAuditIntegrationTest extends IntegrationTestBase {

    private static final String MULTIPART = "multipart/form-data; boundary=b";

    @Autowired
    Contract contract;

    /** A request of an operation; {@code {score}} is replaced by a stored score's id. */
    private record Sample(String method, String path, String contentType, String body) {
    }

    private static Map<String, Sample> samples() {
        String any = UUID.randomUUID().toString();
        Map<String, Sample> s = new LinkedHashMap<>();
        s.put("createScore", new Sample("POST", "/api/v1/scores", "application/json", "{}"));
        s.put("getScore", new Sample("GET", "/api/v1/scores/{score}?purpose=case_review", null, null));
        s.put("recordAssessment", new Sample("POST", "/api/v1/scores/{score}/assessments", "application/json", "{}"));
        s.put("getSimilarOutcomes", new Sample("GET", "/api/v1/scores/{score}/similar-outcomes?purpose=case_review",
                null, null));
        s.put("listModels", new Sample("GET", "/api/v1/models?purpose=model_management", null, null));
        s.put("uploadModel", new Sample("POST", "/api/v1/models", MULTIPART, "--b--\r\n"));
        s.put("activateModel", new Sample("POST", "/api/v1/models/no-such-version/activate", null, null));
        s.put("shadowModel", new Sample("POST", "/api/v1/models/no-such-version/shadow", null, null));
        s.put("endShadow", new Sample("DELETE", "/api/v1/models/no-such-version/shadow", null, null));
        s.put("approveModel", new Sample("POST", "/api/v1/models/no-such-version/approval", "application/json",
                "{\"reason\":\"test\"}"));
        s.put("rollbackModel", new Sample("POST", "/api/v1/models/rollback", "application/json", "{}"));
        s.put("getModelHistory", new Sample("GET", "/api/v1/models/no-such-version/history?purpose=model_management",
                null, null));
        s.put("listAuditEvents", new Sample("GET", "/api/v1/audit?purpose=audit&limit=1", null, null));
        s.put("auditHead", new Sample("GET", "/api/v1/audit/head?purpose=audit", null, null));
        s.put("verifyAudit", new Sample("GET", "/api/v1/audit/verification?purpose=audit", null, null));
        s.put("createDecision", new Sample("POST", "/api/v1/scores/{score}/decisions", "application/json", "{}"));
        s.put("signOffDecision", new Sample("POST", "/api/v1/decisions/" + any + "/sign-off", "application/json",
                "{}"));
        s.put("recordOutcome", new Sample("POST", "/api/v1/scores/{score}/outcomes", "application/json", "{}"));
        s.put("reviewScores", new Sample("GET", "/api/v1/review/scores?purpose=supervision&limit=1", null, null));
        s.put("reviewAgreement", new Sample("GET", "/api/v1/review/agreement?purpose=supervision", null, null));
        s.put("openRedFlags", new Sample("GET", "/api/v1/review/red-flags?purpose=supervision", null, null));
        s.put("createScreening", new Sample("POST", "/api/v1/screenings", MULTIPART, "--b--\r\n"));
        s.put("getScreening", new Sample("GET", "/api/v1/screenings/" + any + "?purpose=screening", null, null));
        s.put("listScreeningEntries", new Sample("GET", "/api/v1/screenings/" + any + "/entries?purpose=screening",
                null, null));
        s.put("updateScreeningEntry", new Sample("PATCH", "/api/v1/screenings/" + any + "/entries/1",
                "application/json", "{}"));
        s.put("requestCessation", new Sample("POST", "/api/v1/children/AUDIT-NOBODY/cessation", "application/json",
                "{}"));
        s.put("getCessation", new Sample("GET", "/api/v1/children/AUDIT-NOBODY/cessation?purpose=deletion_request",
                null, null));
        s.put("runRetention", new Sample("POST", "/api/v1/retention/runs", null, null));
        // --- drift ---
        s.put("getDrift", new Sample("GET", "/api/v1/monitoring/drift?purpose=supervision", null, null));
        s.put("getScreeningDrift", new Sample("GET", "/api/v1/screenings/" + any + "/drift?purpose=supervision",
                null, null));
        s.put("getDisclosure", new Sample("GET", "/api/v1/children/AUDIT-CHILD-1/disclosure?purpose=disclosure_request",
                null, null));
        s.put("createCorrection", new Sample("POST", "/api/v1/scores/{score}/corrections", "application/json", "{}"));
        // --- outcome monitoring and model cards ---
        s.put("outcomeMonitoring", new Sample("GET", "/api/v1/monitoring/outcomes?purpose=supervision", null, null));
        s.put("getModelCard", new Sample("GET", "/api/v1/models/no-such-version/card?purpose=supervision", null,
                null));
        s.put("getModelCardPlot", new Sample("GET", "/api/v1/models/no-such-version/card/roc.png?purpose=supervision",
                null, null));
        // shadow report
        s.put("getShadowReport", new Sample("GET", "/api/v1/models/no-such-version/shadow-report?purpose=supervision",
                null, null));
        return s;
    }

    @Test
    void everyOperationByEveryCallerLeavesExactlyOneRecordWithItsOutcome() throws Exception {
        Map<String, Sample> samples = samples();
        assertThat(samples.keySet()).as("a sample request for every operation of the contract")
                .containsExactlyInAnyOrderElementsOf(contract.operationIds());
        String score = storedScore();
        List<String> callers = new ArrayList<>();
        Roles.ALL.forEach(r -> callers.add("demo-" + r));
        callers.add(null);
        callers.add("garbage-token");
        int checked = 0;
        for (Map.Entry<String, Sample> e : samples.entrySet()) {
            Sample s = e.getValue();
            for (String token : callers) {
                HttpResponse<String> r = http().send(s.method(), s.path().replace("{score}", score), token,
                        s.contentType(), s.body() == null ? null : s.body().getBytes(StandardCharsets.UTF_8));
                String what = e.getKey() + " by " + token + " (" + r.statusCode() + ")";
                String requestId = r.headers().firstValue("X-Request-Id").orElse(null);
                assertThat(requestId).as(what + ": request id").isNotNull();
                List<Map<String, Object>> records = recordsOf(requestId);
                assertThat(records).as(what + ": audit records").hasSize(1);
                Map<String, Object> a = records.get(0);
                assertThat(a.get("outcome")).as(what + ": outcome").isEqualTo(outcome(r.statusCode()));
                if (r.statusCode() == 401) {
                    assertThat(a.get("actor")).as(what).isEqualTo("anonymous");
                    assertThat(a.get("detail")).as(what).isEqualTo(token == null ? "no token" : "token not accepted");
                } else {
                    assertThat(a.get("actor")).as(what + ": actor").isEqualTo(token);
                    assertThat(a.get("role")).as(what + ": role").isEqualTo(token.substring("demo-".length()));
                }
                assertThat(a.get("hash")).as(what + ": chained").isNotNull();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(samples.size() * callers.size());
    }

    @Test
    void aReadWithoutAPurposeIsRefusedAndRecordedAsSuch() {
        HttpResponse<String> r = http().getExactly("/api/v1/models", "demo-analyst");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("purpose");
        List<Map<String, Object>> records = recordsOf(r.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).containsEntry("outcome", "invalid").containsEntry("action", "listModels");
    }

    @Test
    void aReadNamesItsPurposeAndTheChildItTouched() {
        String score = storedScore();
        HttpResponse<String> r = http().getExactly("/api/v1/scores/" + score + "?purpose=case_conference",
                "demo-supervisor");
        assertThat(r.statusCode()).isEqualTo(200);
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(recordsOf(requestId).get(0)).containsEntry("purpose", "case_conference")
                .containsEntry("action", "score.read").containsEntry("children_count", 1);
        assertThat(jdbc.queryForList("SELECT c.child_ref FROM audit_child c JOIN audit_event e ON e.id = c.audit_id "
                + "WHERE e.request_id = ?", String.class, requestId)).containsExactly("AUDIT-CHILD-1");
    }

    @Test
    void readingTheAuditTrailNamesTheChildrenItsAnswerLists() throws Exception {
        storedScore();
        HttpResponse<String> r = http().getExactly("/api/v1/audit?purpose=audit&limit=20", "demo-auditor");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("AUDIT-CHILD-1");
        assertThat(jdbc.queryForList("SELECT c.child_ref FROM audit_child c JOIN audit_event e ON e.id = c.audit_id "
                + "WHERE e.request_id = ?", String.class, r.headers().firstValue("X-Request-Id").orElseThrow()))
                .as("the audit.read record").contains("AUDIT-CHILD-1");
        // a second read names the children of the records it lists, not again those the first read named
        HttpResponse<String> again = http().getExactly("/api/v1/audit?purpose=audit&limit=20", "demo-auditor");
        java.util.Set<String> expected = new java.util.TreeSet<>();
        boolean listsARead = false;
        for (com.fasterxml.jackson.databind.JsonNode e : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(again.body())) {
            boolean read = e.path("action").asText().equals("audit.read");
            listsARead |= read && e.path("childRefs").size() > 0;
            if (!read) {
                e.path("childRefs").forEach(c -> expected.add(c.asText()));
            }
        }
        assertThat(listsARead).as("the answer lists the first read, with the children it named").isTrue();
        assertThat(jdbc.queryForList("SELECT c.child_ref FROM audit_child c JOIN audit_event e ON e.id = c.audit_id "
                + "WHERE e.request_id = ? ORDER BY c.child_ref", String.class,
                again.headers().firstValue("X-Request-Id").orElseThrow())).containsExactlyElementsOf(expected);
    }

    @Test
    void aBodyRefusedAsTooLargeIsRecordedWithWhoSentIt() {
        byte[] body = new byte[65 * 1024 + 1]; // over mimamori.limits.score-body (64 KB), declared by Content-Length
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<String> r = http().send("POST", "/api/v1/scores", "demo-caseworker", "application/json", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(recordsOf(r.headers().firstValue("X-Request-Id").orElseThrow())).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("outcome", "too_large").containsEntry("action", "createScore")
                        .containsEntry("actor", "demo-caseworker").containsEntry("role", "caseworker"));
        HttpResponse<String> anonymous = http().send("POST", "/api/v1/scores", null, "application/json", body);
        assertThat(anonymous.statusCode()).as("without a token the body is not even looked at").isEqualTo(401);
        assertThat(recordsOf(anonymous.headers().firstValue("X-Request-Id").orElseThrow())).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("outcome", "unauthenticated"));
    }

    @Test
    void onlyAKnownPurposeOfAReadIsRecordedNeverOneAWriteGivesItself() {
        HttpResponse<String> write = http().send("POST", "/api/v1/scores?purpose=audit", "demo-caseworker",
                "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(write.statusCode()).isEqualTo(400);
        assertThat(recordsOf(write.headers().firstValue("X-Request-Id").orElseThrow())).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("action", "createScore").containsEntry("purpose", null));
        HttpResponse<String> read = http().getExactly("/api/v1/models?purpose=curiosity", "demo-analyst");
        assertThat(read.statusCode()).isEqualTo(400);
        assertThat(recordsOf(read.headers().firstValue("X-Request-Id").orElseThrow())).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("outcome", "invalid").containsEntry("purpose", null));
    }

    private List<Map<String, Object>> recordsOf(String requestId) {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 40 && rows.isEmpty(); i++) { // a refusal's record is written as its response ends
            rows = jdbc.queryForList("SELECT actor, role, action, outcome, detail, purpose, children_count, hash "
                    + "FROM audit_event WHERE request_id = ?", requestId);
            if (rows.isEmpty()) {
                sleep();
            }
        }
        return rows;
    }

    private String storedScore() {
        HttpResponse<String> r = http().post("/api/v1/scores", "demo-caseworker", """
                {"childRef": "AUDIT-CHILD-1", "purpose": "case_review",
                 "items": {"age_years": 9, "absence_days_term": 12, "prior_consultations": 1}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElseThrow();
    }

    private static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "ok";
        }
        return switch (status) {
            case 400, 415 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            default -> "status " + status;
        };
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
