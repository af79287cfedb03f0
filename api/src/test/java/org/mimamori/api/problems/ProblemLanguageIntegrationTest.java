package org.mimamori.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.Raw;

/**
 * Every problem is in the reader's language ({@code Accept-Language}): with {@code ja} its title, detail and every
 * field's message are Japanese and {@code Content-Language} says {@code ja}; otherwise they are English with no
 * Japanese. The fields named are the contract's own names, the same in both languages. Covered: the contract's
 * checks, the model's value checks, the service's refusals, security, the body limits and Tomcat's own errors.
 */
class ProblemLanguageIntegrationTest extends IntegrationTestBase {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Pattern JAVA = Pattern.compile("java\\.|org\\.|com\\.fasterxml|Exception|\\$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bad request: the request line, its headers (without Accept-Language) and body. */
    private record Bad(String what, String head, String body, int status) {
    }

    private List<Bad> badRequests() {
        String score = "POST /api/v1/scores HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-caseworker";
        String json = "\r\nContent-Type: application/json";
        return List.of(
                new Bad("every kind of bad field", score + json, """
                        {"childRef": "-x", "purpose": "nope", "items": {"age_years": 25, "agee_years": 3,
                         "single_parent": "maybe", "household_size": 2.5, "dv_consultation": 3,
                         "public_assistance": "yes please"},
                         "priorAssessment": {"level": "x", "note": 7}, "name": "Taro"}""", 400),
                new Bad("values the model refuses", score + json, """
                        {"childRef": "C-2024-000123", "purpose": "case_review",
                         "items": {"age_years": -3, "moves_last_3_years": 1.5, "child_asked_for_help": 2}}""", 400),
                new Bad("not JSON", score + json, "{\"childRef\": ", 400),
                new Bad("no body", score + json, "", 400),
                new Bad("a duplicate field", score + json, "{\"purpose\": \"screening\", \"purpose\": \"x\"}", 400),
                new Bad("a control character", score + json, "{\"childRef\": \"C-1\\u0001\"}", 400),
                new Bad("another charset", score + "\r\nContent-Type: application/json; charset=ISO-8859-1",
                        "{}", 415),
                new Bad("another media type (refused by Spring itself)", score + "\r\nContent-Type: text/plain",
                        "{}", 415),
                new Bad("a method the address does not take", "POST /actuator/health HTTP/1.1\r\nHost: x"
                        + json, "{}", 405),
                new Bad("no token", "POST /api/v1/scores HTTP/1.1\r\nHost: x" + json, "{}", 401),
                new Bad("a bad token", "GET /api/v1/audit?purpose=audit HTTP/1.1\r\nHost: x\r\nAuthorization: "
                        + "Bearer not-a-token", "", 401),
                new Bad("the wrong role", "GET /api/v1/audit?purpose=audit HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer demo-caseworker", "", 403),
                new Bad("an unknown score", "GET /api/v1/scores/" + UUID.randomUUID() + "?purpose=case_review "
                        + "HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-caseworker", "", 404),
                new Bad("a bad query", "GET /api/v1/review/scores?purpose=supervision&limit=0&offset=-1 HTTP/1.1"
                        + "\r\nHost: x\r\nAuthorization: Bearer demo-supervisor", "", 400),
                new Bad("nothing there", "GET /nowhere HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + "demo-caseworker", "", 404),
                new Bad("too large", score + json + "\r\nContent-Length: 999999999", "", 413),
                new Bad("a bad address", "GET /api/v1/%zz HTTP/1.1\r\nHost: x", "", 400));
    }

    @Test
    void everyProblemIsInTheReadersLanguageAndNamesTheSameFieldsInBoth() throws Exception {
        for (Bad bad : badRequests()) {
            JsonNode ja = problem(bad, "ja,en;q=0.5", "ja");
            JsonNode en = problem(bad, "en-GB,ja;q=0.5", "en");
            List<String> jaTexts = texts(ja);
            List<String> enTexts = texts(en);
            assertThat(jaTexts).as(bad.what() + ": " + ja).isNotEmpty()
                    .allSatisfy(t -> assertThat(t).as(bad.what()).containsPattern(JAPANESE)
                            .doesNotContainPattern(JAVA));
            assertThat(enTexts).as(bad.what() + ": " + en).hasSameSizeAs(jaTexts)
                    .allSatisfy(t -> assertThat(t).as(bad.what()).doesNotContainPattern(JAPANESE)
                            .doesNotContainPattern(JAVA));
            assertThat(fields(ja)).as(bad.what()).isEqualTo(fields(en));
        }
    }

    @Test
    void everyBadFieldIsNamedWithItsOwnJapaneseReason() throws Exception {
        JsonNode ja = problem(badRequests().get(0), "ja", "ja");
        assertThat(fields(ja)).containsExactlyInAnyOrder("childRef", "purpose", "items.age_years",
                "items.agee_years", "items.single_parent", "items.household_size", "items.dv_consultation",
                "items.public_assistance", "priorAssessment.level", "priorAssessment.note", "name");
        assertThat(message(ja, "purpose")).isEqualTo(
                "次のいずれかでなければなりません：screening, case_review, case_conference, follow_up");
        assertThat(message(ja, "items.agee_years")).contains("（'age_years' の誤りですか？）");
        assertThat(message(ja, "name")).isEqualTo("定義されていない項目です");
        JsonNode model = problem(badRequests().get(1), "ja", "ja");
        assertThat(fields(model)).containsExactlyInAnyOrder("items.age_years", "items.moves_last_3_years",
                "items.child_asked_for_help");
        assertThat(message(model, "items.age_years")).contains("'-3'", "以上", "整数");
        assertThat(message(model, "items.child_asked_for_help")).contains("はい・いいえ");
    }

    @Test
    void withoutAcceptLanguageTheProblemIsEnglish() throws Exception {
        JsonNode p = problem(badRequests().get(0), null, "en");
        assertThat(p.path("title").asText()).isEqualTo("Invalid request");
        assertThat(message(p, "purpose")).isEqualTo("must be one of: screening, case_review, case_conference, "
                + "follow_up");
    }

    private JsonNode problem(Bad bad, String acceptLanguage, String expectedLanguage) throws Exception {
        byte[] body = bad.body().getBytes(StandardCharsets.UTF_8);
        String head = bad.head() + (acceptLanguage == null ? "" : "\r\nAccept-Language: " + acceptLanguage)
                + (bad.head().contains("Content-Length") ? "" : "\r\nContent-Length: " + body.length);
        Raw.Response r = new Raw(port).send(head, body);
        assertThat(r.status()).as(bad.what() + ": " + r.body()).isEqualTo(bad.status());
        assertThat(r.contentType()).as(bad.what()).startsWith("application/problem+json");
        assertThat(r.headers().get("content-language")).as(bad.what()).isEqualTo(expectedLanguage);
        return JSON.readTree(r.body());
    }

    private static List<String> texts(JsonNode problem) {
        List<String> out = new ArrayList<>();
        out.add(problem.path("title").asText());
        out.add(problem.path("detail").asText());
        problem.path("errors").forEach(e -> out.add(e.path("message").asText()));
        return out;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode e : problem.path("errors")) {
            if (e.path("field").asText().equals(field)) {
                return e.path("message").asText();
            }
        }
        throw new AssertionError("no problem names " + field + ": " + problem);
    }
}
