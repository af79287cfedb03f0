package org.mimamori.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.web.DecisionsApi;
import org.mimamori.api.web.ModelsApi;
import org.mimamori.api.web.ReviewApi;
import org.mimamori.api.web.ScoresApi;
import org.mimamori.api.web.ScreeningsApi;
import org.springframework.web.bind.annotation.RequestMapping;

/** The contract as the service reads it, and the checks made with it. */
class ContractTest {

    private static final Contract CONTRACT = new Contract();

    @Test
    void everyOperationOfTheGeneratedInterfacesIsFoundWithItsBodySchema() {
        for (Class<?> api : List.of(ScoresApi.class, ModelsApi.class, DecisionsApi.class, ReviewApi.class,
                ScreeningsApi.class, org.mimamori.api.web.AuditApi.class)) {
            for (Method m : api.getMethods()) {
                if (m.isAnnotationPresent(RequestMapping.class)) {
                    assertThat(CONTRACT.operation(m.getName())).as(m.getName()).isPresent();
                }
            }
        }
        assertThat(CONTRACT.operation("createScore").orElseThrow().jsonBody().path("required"))
                .hasSize(3);
        assertThat(CONTRACT.operation("createScreening").orElseThrow().jsonBody()).isNull();
    }

    @Test
    void aBodyIsCheckedFieldByFieldWithEveryProblemNamed() {
        List<FieldProblem> problems = check("createDecision",
                "{\"decision\":\"later\",\"reason\":5,\"dismissesRedFlags\":\"yes\",\"extra\":null}");
        assertThat(problems).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("decision", "reason", "dismissesRedFlags", "extra");
        assertThat(check("recordOutcome", "{\"needConfirmed\":true,\"supportTypes\":[\"poverty\",\"x\"],"
                + "\"confirmedOn\":\"2020-02-30\"}")).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("supportTypes[1]", "confirmedOn");
        assertThat(check("signOffDecision", "{\"approve\":true,\"note\":null}")).extracting(FieldProblem::field)
                .containsExactly("note");
        assertThat(check("createDecision", "{\"decision\":\"monitor\",\"reason\":null}")).isEmpty();
    }

    @Test
    void strictJsonRefusesWhatLenientParsersAccept() {
        assertThat(read("{\"a\":1,\"a\":2}")).extracting(FieldProblem::field).containsExactly("a");
        assertThat(read("{\"a\":1} 2")).extracting(p -> p.message().en())
                .containsExactly("must hold one JSON value and nothing after it");
        assertThat(read("[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1))).hasSize(1);
        assertThat(read("{\"a\":\"\\ud800\"}")).extracting(FieldProblem::field).containsExactly("a");
        assertThat(read("{\"a\":[\"ok\",\"\\u0007\"]}")).extracting(FieldProblem::field).containsExactly("a[1]");
        assertThat(read("{\"a\":\"見守り 😀\\n\\t\"}")).isEmpty();
        List<FieldProblem> badUtf8 = new ArrayList<>();
        StrictJson.read(new byte[] {'"', (byte) 0xC3, 0x28, '"'}, badUtf8);
        assertThat(badUtf8).extracting(p -> p.message().en()).allMatch(m -> m.startsWith("is not valid UTF-8"));
        assertThat(badUtf8).extracting(p -> p.message().ja()).allMatch(m -> m.startsWith("正しい UTF-8 ではありません"));
    }

    @Test
    void theChildReferenceRuleRefusesFormulaTriggers() {
        for (String ref : List.of("-C0042", "=C0042", "+C0042", "@C0042", "C42", "Taro")) {
            assertThat(CONTRACT.check("ScoreRequest", "childRef", "f", ref)).as(ref).hasSize(1);
        }
        for (String ref : List.of("C-0042", "_0042", "0042-A", "c_2024_000123")) {
            assertThat(CONTRACT.check("ScoreRequest", "childRef", "f", ref)).as(ref).isEmpty();
        }
    }

    private static List<FieldProblem> check(String operation, String json) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode value = StrictJson.read(json.getBytes(StandardCharsets.UTF_8), problems);
        SchemaChecker.check(CONTRACT.operation(operation).orElseThrow().jsonBody(), value, "", problems);
        return problems;
    }

    private static List<FieldProblem> read(String json) {
        List<FieldProblem> problems = new ArrayList<>();
        StrictJson.read(json.getBytes(StandardCharsets.UTF_8), problems);
        return problems;
    }
}
