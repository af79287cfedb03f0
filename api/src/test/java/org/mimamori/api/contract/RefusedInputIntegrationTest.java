package org.mimamori.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.Multipart;
import org.mimamori.api.support.Raw;

/**
 * The defects a hostile client found (issue 8), each refused with a 4xx problem that names every bad field in
 * domain words, and nothing stored; and what is accepted is stored exactly.
 */
class RefusedInputIntegrationTest extends IntegrationTestBase {

    /** Java class or package names, or anything else that is not domain words. */
    static final Pattern JAVA = Pattern.compile("java\\.|org\\.|com\\.fasterxml|Exception|\\$");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASEWORKER = "demo-caseworker";
    private static final String SCORES = "/api/v1/scores";

    @Test
    void aWrongEnumValueIsNamedInDomainWordsTogetherWithEveryOtherBadFieldAtEveryLevel() throws Exception {
        long scores = rows("score");
        HttpResponse<String> r = http().post(SCORES, CASEWORKER, """
                {"childRef": 12345, "purpose": "nope", "items": {"age_years": 25},
                 "priorAssessment": {"level": "x", "note": 7}, "name": "Taro"}""");
        assertThat(fields(r)).containsExactlyInAnyOrder("childRef", "purpose", "items.age_years",
                "priorAssessment.level", "priorAssessment.note", "name");
        assertThat(r.body()).contains("must be one of: screening, case_review, case_conference, follow_up")
                .doesNotContainPattern(JAVA);
        assertThat(rows("score")).isEqualTo(scores);
    }

    @Test
    void multipartWithoutABoundaryIsRefusedWith4xxOnEveryWriteEndpoint() throws Exception {
        String score = score();
        String id = UUID.randomUUID().toString();
        List<String[]> endpoints = List.of(new String[] {"POST", SCORES, CASEWORKER},
                new String[] {"POST", SCORES + "/" + score + "/decisions", CASEWORKER},
                new String[] {"POST", SCORES + "/" + score + "/outcomes", CASEWORKER},
                new String[] {"POST", "/api/v1/decisions/" + id + "/sign-off", "demo-supervisor"},
                new String[] {"POST", "/api/v1/screenings", "demo-supervisor"},
                new String[] {"PATCH", "/api/v1/screenings/" + id + "/entries/1", CASEWORKER},
                new String[] {"POST", "/api/v1/models", "demo-analyst"},
                new String[] {"POST", "/api/v1/models/x/activate", "demo-analyst"});
        for (String[] e : endpoints) {
            HttpResponse<String> r = http().send(e[0], e[1], e[2], "multipart/form-data",
                    "--x\r\n\r\nhello".getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(e[0] + " " + e[1] + ": " + r.body()).isIn(400, 415);
            assertIsProblem(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        }
    }

    @Test
    void queryParametersOutsideTheContractAreRefusedNamingTheParameter() throws Exception {
        String entries = "/api/v1/screenings/" + UUID.randomUUID() + "/entries";
        for (String query : List.of("limit=-1", "limit=0", "limit=100000", "limit=1001", "limit=ten",
                "offset=-1", "status=done", "band=a%20b", "limit=5&limit=6")) {
            HttpResponse<String> r = http().get(entries + "?" + query, CASEWORKER);
            assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(fields(r)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        HttpResponse<String> unknown = http().get(entries + "?limit=1000", CASEWORKER);
        assertThat(unknown.statusCode()).as("a limit within the contract reaches the service").isEqualTo(404);
        assertThat(fields(http().get("/api/v1/audit?limit=1001", "demo-auditor"))).containsExactly("limit");
        assertThat(fields(http().get("/api/v1/review/scores?limit=201&offset=-5", "demo-supervisor")))
                .containsExactlyInAnyOrder("limit", "offset");
        assertThat(fields(http().get("/api/v1/review/agreement?from=-999999999-01-01&to=2026-02-30",
                "demo-supervisor"))).containsExactlyInAnyOrder("from", "to");
        Raw.Response badEncoding = new Raw(port).send("GET /api/v1/review/scores?limit=%zz HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer demo-supervisor", new byte[0]);
        assertThat(badEncoding.status()).isEqualTo(400);
        assertIsProblem(400, badEncoding.contentType(), badEncoding.body());
        assertThat(badEncoding.body()).contains("(query)");
        byte[] json = "{\"childRef\":\"C-Q-1\",\"purpose\":\"case_review\",\"items\":{}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Raw.Response write = new Raw(port).send("POST /api/v1/scores?x=%zz HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer demo-caseworker\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length, json);
        assertThat(write.status()).as("a write that declares no query parameter: " + write.body()).isEqualTo(400);
        assertThat(write.body()).contains("(query)");
    }

    @Test
    void outcomeDatesOutsideTheDocumentedRangeAreRefusedAndDatesInItAreStoredExactly() throws Exception {
        String score = score();
        long outcomes = rows("outcome");
        for (String date : List.of("-999999999-01-01", "1582-10-10", "1899-12-31", "2101-01-01", "2026-13-01",
                "2026-1-1", "+2026-01-01")) {
            HttpResponse<String> r = http().post(SCORES + "/" + score + "/outcomes", CASEWORKER,
                    "{\"needConfirmed\": false, \"confirmedOn\": \"" + date + "\"}");
            assertThat(r.statusCode()).as(date + ": " + r.body()).isEqualTo(400);
            assertThat(fields(r)).containsExactly("confirmedOn");
            assertThat(r.body()).contains("between 1900-01-01 and 2100-12-31");
        }
        assertThat(rows("outcome")).isEqualTo(outcomes);
        HttpResponse<String> ok = http().post(SCORES + "/" + score + "/outcomes", CASEWORKER,
                "{\"needConfirmed\": false, \"confirmedOn\": \"1900-01-01\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(JSON.readTree(ok.body()).get("confirmedOn").asText()).isEqualTo("1900-01-01");
        assertThat(jdbc.queryForObject("SELECT DATE_FORMAT(confirmed_on, '%Y-%m-%d') FROM outcome WHERE score_id = ?",
                String.class, score)).isEqualTo("1900-01-01");
    }

    @Test
    void errorsRaisedBeforeSpringMvcAreProblemDetailsNotHtml() {
        Raw raw = new Raw(port);
        String token = "Authorization: Bearer " + CASEWORKER;
        List<String> heads = List.of("GET /api/v1/sc ores HTTP/1.1\r\nHost: x",
                "GET /api/v1/scores/%zz HTTP/1.1\r\nHost: x\r\n" + token,
                "GET /api/v1/% HTTP/1.1\r\nHost: x\r\n" + token,
                "GET /api/v1/scores/a%2Fb HTTP/1.1\r\nHost: x\r\n" + token,
                "GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: x\r\n" + token,
                "GET /api/v1/scores/{x} HTTP/1.1\r\nHost: x\r\n" + token,
                "GARBAGE",
                "TRACE /api/v1/scores HTTP/1.1\r\nHost: x\r\n" + token,
                "DELETE /api/v1/scores HTTP/1.1\r\nHost: x\r\n" + token,
                "GET /api/v1/nothing-here HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n" + token,
                "GET /nothing.html HTTP/1.1\r\nHost: x\r\nAccept: text/html",
                "POST /api/v1/scores HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6",
                "GET /api/v1/scores HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000));
        for (String head : heads) {
            Raw.Response r = raw.send(head, new byte[0]);
            assertThat(r.status()).as(head.lines().findFirst().orElseThrow()).isBetween(400, 499);
            assertIsProblem(r.status(), r.contentType(), r.body());
        }
    }

    @Test
    void jsonWithTrailingGarbageOrDuplicateKeysIsRefused() throws Exception {
        long scores = rows("score");
        String valid = "{\"childRef\":\"C-0042\",\"purpose\":\"screening\",\"items\":{}}";
        assertThat(fields(http().post(SCORES, CASEWORKER, valid + " {}"))).containsExactly("(body)");
        assertThat(fields(http().post(SCORES, CASEWORKER, valid + "xyz"))).containsExactly("(body)");
        assertThat(fields(http().post(SCORES, CASEWORKER,
                "{\"childRef\":\"C-0042\",\"purpose\":\"screening\",\"purpose\":\"follow_up\",\"items\":{}}")))
                .containsExactly("purpose");
        assertThat(fields(http().post(SCORES, CASEWORKER,
                "{\"childRef\":\"C-0042\",\"purpose\":\"screening\",\"items\":{\"age_years\":3,\"age_years\":4}}")))
                .containsExactly("items.age_years");
        assertThat(fields(http().post(SCORES, CASEWORKER, "[".repeat(40) + "]".repeat(40))))
                .containsExactly("(body)");
        assertThat(rows("score")).isEqualTo(scores);
    }

    @Test
    void aJsonNumberIsNotAChildReference() throws Exception {
        HttpResponse<String> r = http().post(SCORES, CASEWORKER,
                "{\"childRef\":20240001,\"purpose\":\"screening\",\"items\":{}}");
        assertThat(fields(r)).containsExactly("childRef");
        assertThat(messages(r)).containsExactly("must be text");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413EvenWhenTheJsonEndsEarly() throws Exception {
        long scores = rows("score");
        byte[] body = ("{\"childRef\":\"C-0042\",\"purpose\":\"screening\",\"items\":{}}" + " ".repeat(70_000))
                .getBytes(StandardCharsets.UTF_8);
        Raw.Response r = new Raw(port).send("POST " + SCORES + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + CASEWORKER + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                Raw.chunked(body, 8192));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertIsProblem(r.status(), r.contentType(), r.body());
        assertThat(rows("score")).isEqualTo(scores);
    }

    @Test
    void unpairedSurrogatesAndControlCharactersInTextAreRefusedAndOtherTextIsStoredExactly() throws Exception {
        long scores = rows("score");
        for (String note : List.of("\\ud800", "a\\udc00b", "tab\\u0000nul", "bell\\u0007", "c1\\u0085")) {
            HttpResponse<String> r = http().post(SCORES, CASEWORKER, "{\"childRef\":\"C-0042\",\"purpose\":"
                    + "\"screening\",\"items\":{},\"priorAssessment\":{\"level\":\"low\",\"note\":\"" + note + "\"}}");
            assertThat(fields(r)).as(note).containsExactly("priorAssessment.note");
        }
        assertThat(rows("score")).isEqualTo(scores);
        String text = "見守り 😀 line\nbreak\ttab";
        HttpResponse<String> ok = http().post(SCORES, CASEWORKER, JSON.writeValueAsString(JSON.createObjectNode()
                .put("childRef", "C-0042").put("purpose", "screening").set("items", JSON.createObjectNode()))
                .replace("}}", "},\"priorAssessment\":{\"level\":\"low\",\"note\":"
                        + JSON.writeValueAsString(text) + "}}"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        String id = JSON.readTree(ok.body()).get("id").asText();
        assertThat(JSON.readTree(ok.body()).at("/priorAssessment/note").asText()).isEqualTo(text);
        HttpResponse<String> again = http().get(SCORES + "/" + id, CASEWORKER);
        assertThat(JSON.readTree(again.body()).at("/priorAssessment/note").asText()).isEqualTo(text);
        String stored = jdbc.queryForObject("SELECT request_json FROM score WHERE id = ?", String.class, id);
        assertThat(JSON.readTree(stored).at("/priorAssessment/note").asText()).isEqualTo(text);
    }

    @Test
    void aChildReferenceStartingWithAFormulaTriggerIsRefusedInRequestsAndCohortFiles() throws Exception {
        for (String ref : List.of("-C0042", "=C0042", "+81-90-0000", "@SUM1")) {
            HttpResponse<String> r = http().post(SCORES, CASEWORKER,
                    "{\"childRef\":" + JSON.writeValueAsString(ref) + ",\"purpose\":\"screening\",\"items\":{}}");
            assertThat(fields(r)).as(ref).containsExactly("childRef");
        }
        long screenings = rows("screening");
        String csv = "child_ref,age_years\nC0000001,9\n-C0000002,9\n=HYPERLINK(1),9\n@C0000004,9\n";
        HttpResponse<String> r = upload(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(fields(r)).containsExactlyInAnyOrder("file[2].child_ref", "file[3].child_ref",
                "file[4].child_ref");
        assertThat(rows("screening")).isEqualTo(screenings);
    }

    @Test
    void aCohortFilesLabelAnalysisAndDerivedColumnsAreRefusedByName() throws Exception {
        long screenings = rows("screening");
        String csv = "child_ref,age_years,need_confirmed_12m,academic_percentile,young_carer_pattern,shoe_size\n"
                + "C0000001,9,,,,\n";
        HttpResponse<String> r = upload(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(r)).contains("file.columns.need_confirmed_12m", "file.columns.academic_percentile",
                "file.columns.young_carer_pattern");
        HttpResponse<String> unknown = upload("child_ref,shoe_size\nC0000001,40\n".getBytes(StandardCharsets.UTF_8));
        assertThat(fields(unknown)).containsExactly("file.columns.shoe_size");
        HttpResponse<String> latin1 = upload("child_ref,age_years\nC00\u00e90001,9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(fields(latin1)).containsExactly("file");
        assertThat(rows("screening")).isEqualTo(screenings);
    }

    private HttpResponse<String> upload(byte[] csv) {
        return http().send("POST", "/api/v1/screenings", "demo-supervisor", Multipart.CONTENT_TYPE,
                Multipart.file("file", "cohort.csv", csv));
    }

    /** A new score's id. */
    private String score() throws Exception {
        HttpResponse<String> r = http().post(SCORES, CASEWORKER,
                "{\"childRef\":\"C-" + (System.nanoTime() % 100000) + "\",\"purpose\":\"screening\",\"items\":{}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Asserts a problem-details body of the given status, in domain words. */
    static void assertIsProblem(int status, String contentType, String body) {
        assertThat(contentType).as(body).startsWith("application/problem+json");
        try {
            JsonNode p = JSON.readTree(body);
            assertThat(p.path("status").asInt()).as(body).isEqualTo(status);
            assertThat(p.path("type").asText()).startsWith("urn:mimamori:problem:");
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        assertThat(body).doesNotContainPattern(JAVA);
    }

    private static List<String> fields(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertIsProblem(400, r.headers().firstValue("Content-Type").orElse(""), r.body());
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private static List<String> messages(HttpResponse<String> r) throws Exception {
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).get("errors").forEach(e -> out.add(e.get("message").asText()));
        return out;
    }
}
