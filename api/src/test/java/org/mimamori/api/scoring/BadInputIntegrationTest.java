package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.model.Purpose;
import org.mimamori.client.model.ScoreRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/** Every class of bad input gives 400 problem details naming the field, and stores nothing. */
class BadInputIntegrationTest extends IntegrationTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown item           | {"childRef":"C-0042","purpose":"screening","items":{"shoe_size":40}}                    | items.shoe_size
        wrong type             | {"childRef":"C-0042","purpose":"screening","items":{"age_years":"nine"}}                | items.age_years
        out of range           | {"childRef":"C-0042","purpose":"screening","items":{"age_years":25}}                    | items.age_years
        fractional count       | {"childRef":"C-0042","purpose":"screening","items":{"absence_days_term":2.5}}           | items.absence_days_term
        yes/no as 2            | {"childRef":"C-0042","purpose":"screening","items":{"school_expense_aid":2}}            | items.school_expense_aid
        nested object          | {"childRef":"C-0042","purpose":"screening","items":{"age_years":{"v":3}}}               | items.age_years
        derived item           | {"childRef":"C-0042","purpose":"screening","items":{"young_carer_pattern":1}}           | items.young_carer_pattern
        training label         | {"childRef":"C-0042","purpose":"screening","items":{"need_confirmed_12m":true}}         | items.need_confirmed_12m
        analysis-only item     | {"childRef":"C-0042","purpose":"screening","items":{"academic_percentile":50}}          | items.academic_percentile
        missing childRef       | {"purpose":"screening","items":{}}                                                       | childRef
        missing purpose        | {"childRef":"C-0042","items":{}}                                                         | purpose
        missing items          | {"childRef":"C-0042","purpose":"screening"}                                              | items
        name as childRef       | {"childRef":"Yamada Taro","purpose":"screening","items":{}}                              | childRef
        letters-only childRef  | {"childRef":"YamadaTaro","purpose":"screening","items":{}}                               | childRef
        unknown purpose        | {"childRef":"C-0042","purpose":"curiosity","items":{}}                                   | purpose
        unknown field          | {"childRef":"C-0042","purpose":"screening","items":{},"name":"Taro"}                     | name
        items not an object    | {"childRef":"C-0042","purpose":"screening","items":[1,2]}                                | items
        bad prior level        | {"childRef":"C-0042","purpose":"screening","items":{},"priorAssessment":{"level":"x"}}  | priorAssessment.level
        malformed JSON         | {"childRef":"C-0042","purpose":"screening","items":{                                    | (body)
        empty body             | ''                                                                                       | (body)
        """)
    void isRefusedNamingTheFieldAndNothingIsStored(String what, String body, String field) throws Exception {
        long scores = rows("score");
        long audits = lastAuditId();
        HttpResponse<String> r = http().post("/api/v1/scores", "demo-caseworker", body);
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(400);
        assertProblem(r, field);
        assertThat(rows("score")).isEqualTo(scores);
        assertThat(auditOutcomesAfter(audits)).as("the refusal, recorded as such").containsExactly("invalid");
    }

    @Test
    void everyBadItemIsNamedAtOnce() throws Exception {
        HttpResponse<String> r = http().post("/api/v1/scores", "demo-caseworker", """
                {"childRef":"C-0042","purpose":"screening",
                 "items":{"age_years":-1,"household_size":"big","shoe_size":40}}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(r)).containsExactlyInAnyOrder("items.age_years", "items.household_size", "items.shoe_size");
    }

    @Test
    void anOversizeBodyIsRefusedWith413() throws Exception {
        long scores = rows("score");
        StringBuilder note = new StringBuilder();
        while (note.length() < 70_000) {
            note.append("xxxxxxxxxx");
        }
        HttpResponse<String> r = http().post("/api/v1/scores", "demo-caseworker",
                "{\"childRef\":\"C-0042\",\"purpose\":\"screening\",\"items\":{},\"priorAssessment\":{\"level\":\"low\","
                        + "\"note\":\"" + note + "\"}}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(413);
        assertThat(rows("score")).isEqualTo(scores);
    }

    @Test
    void theGeneratedClientSeesProblemDetails() {
        ScoreRequest bad = new ScoreRequest().childRef("C-0042").purpose(Purpose.SCREENING)
                .items(new java.util.HashMap<>(java.util.Map.of("age_years", 99)));
        try {
            clients().scores("demo-caseworker").createScore(bad, null);
            throw new AssertionError("expected 400");
        } catch (HttpClientErrorException e) {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.getResponseBodyAsString()).contains("items.age_years").contains("between 0 and 17");
        }
    }

    @Test
    void anUnknownScoreIs404AndABadIdIs400() throws Exception {
        HttpResponse<String> missing = http().get("/api/v1/scores/" + java.util.UUID.randomUUID(), "demo-caseworker");
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> bad = http().get("/api/v1/scores/not-a-uuid", "demo-caseworker");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertProblem(bad, "id");
    }

    private static void assertProblem(HttpResponse<String> r, String field) throws Exception {
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(r.statusCode());
        assertThat(p.get("type").asText()).startsWith("urn:mimamori:problem:");
        assertThat(fields(r)).as(r.body()).contains(field);
        for (JsonNode e : p.get("errors")) {
            assertThat(e.get("message").asText()).isNotBlank();
        }
    }

    private static List<String> fields(HttpResponse<String> r) throws Exception {
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
