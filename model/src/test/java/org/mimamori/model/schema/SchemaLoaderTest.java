package org.mimamori.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class SchemaLoaderTest {

    @Test
    void defaultSchemaHoldsEveryItemOfTheDataBrief() {
        FeatureSchema schema = SchemaLoader.loadDefault();
        assertThat(schema.id()).isEqualTo("child-support-v1");
        assertThat(schema.items()).extracting(Item::id).contains(
                "age_years", "household_size", "single_parent", "siblings_under_6", "moves_last_3_years",
                "public_assistance", "child_rearing_allowance", "care_need_level_in_household",
                "care_service_used", "dv_consultation", "disability_in_household", "infant_checkups_missed",
                "vaccinations_missed", "low_birth_weight", "postnatal_depression_screen", "teen_parent",
                "absence_days_term", "late_days_term", "school_expense_aid", "lunch_fee_arrears_months",
                "nurse_office_visits_term", "low_mood_days_share", "bullying_reported", "academic_percentile",
                "nursery_enrolled", "nursery_absence_share", "prior_consultations", "prior_abuse_reports",
                "prior_temporary_protection", "foreign_national_household", "child_asked_for_help",
                "serious_injury_observed", "child_disclosed_violence", "already_supported", "need_confirmed_12m");
        assertThat(schema.labelItem().id()).isEqualTo("need_confirmed_12m");
        assertThat(schema.withRole(Role.AUDIT_GROUP)).extracting(Item::id).containsExactlyInAnyOrder(
                "foreign_national_household", "disability_in_household", "single_parent", "public_assistance");
        assertThat(schema.inputs()).extracting(Item::id).doesNotContain("single_parent", "public_assistance",
                "disability_in_household", "foreign_national_household");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        String yaml = """
                schema: broken
                version: 1
                target: x
                colour: blue
                items:
                  - id: a
                    type: intger
                  - id: b
                    type: integer
                    derived: "a >= "
                  - id: y
                    type: yes_no
                    role: label
                """;
        assertThatThrownBy(() -> SchemaLoader.parse(yaml, "broken.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    List<SchemaProblem> p = e.problems();
                    assertThat(p).anySatisfy(q -> {
                        assertThat(q.line()).isEqualTo(4);
                        assertThat(q.message()).contains("unknown key 'colour'");
                    });
                    assertThat(p).anySatisfy(q -> {
                        assertThat(q.line()).isEqualTo(7);
                        assertThat(q.path()).isEqualTo("items[0].type");
                        assertThat(q.message()).contains("unknown type 'intger'");
                    });
                    assertThat(p).anySatisfy(q -> {
                        assertThat(q.line()).isEqualTo(10);
                        assertThat(q.path()).isEqualTo("items[1].derived");
                    });
                    assertThat(p).anySatisfy(q -> {
                        assertThat(q.line()).isEqualTo(11);
                        assertThat(q.message()).contains("needs 'positive'");
                    });
                    assertThat(e.getMessage()).contains("broken.yaml:7:");
                    BilingualProblems.assertBilingual(e);
                });
    }

    @Test
    void aModelInputMayNotReadAnAuditGroupEvenThroughADerivedItem() {
        String yaml = """
                schema: leak
                version: 1
                target: x
                items:
                  - {id: g, type: yes_no, role: audit_group}
                  - {id: d, type: yes_no, derived: "g == yes"}
                  - {id: y, type: yes_no, role: label, positive: yes}
                """;
        assertThatThrownBy(() -> SchemaLoader.parse(yaml, "leak.yaml"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("model input 'd' reads 'g'")
                .satisfies(e -> BilingualProblems.assertBilingual((InvalidSchemaException) e));
    }

    @Test
    void reportsCycles() {
        String yaml = """
                schema: cycle
                version: 1
                target: x
                items:
                  - {id: a, type: number, derived: "b + 1"}
                  - {id: b, type: number, derived: "a + 1"}
                  - {id: y, type: yes_no, role: label, positive: yes}
                """;
        assertThatThrownBy(() -> SchemaLoader.parse(yaml, "cycle.yaml"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("depends on itself")
                .satisfies(e -> BilingualProblems.assertBilingual((InvalidSchemaException) e));
    }

    /** A sound schema with two items, to spoil one key or item at a time. */
    private static String small(String top, String items) {
        return """
                schema: s
                version: 1
                target: x
                %s
                items:
                  - {id: a, type: integer}
                  - {id: y, type: yes_no, role: label, positive: yes}
                %s
                """.formatted(top, items.indent(2).stripTrailing());
    }

    /** Bad schemas, by name, that between them make nearly every problem the loader words. */
    static final Map<String, String> BAD_SCHEMAS = Map.ofEntries(
            Map.entry("empty", ""),
            Map.entry("not yaml", "schema: [unclosed\n"),
            Map.entry("too many aliases", "schema: &a [x]\nversion: [" + "*a, ".repeat(11) + "*a]\n"),
            Map.entry("a list", "- schema\n- version\n"),
            Map.entry("top level", """
                    schema: Bad_Name
                    version: 0
                    colour: blue
                    description: {fr: x}
                    sources: {welfare: ~, chilcare: {ja: 保育}}
                    items: []
                    """),
            Map.entry("not a list", "schema: s\nversion: one\ntarget: [x]\nitems: {a: 1}\n"),
            Map.entry("not whole", "schema: s\nversion: 1.5\ntarget: {ja: [x]}\nitems: [[a]]\n"),
            Map.entry("items", small("", """
                    - {type: integer}
                    - {id: 1abc, type: integer}
                    - {id: b, role: wibble, type: integer}
                    - {id: c}
                    - {id: d, type: intger}
                    - {id: e, type: integer, tier: top}
                    - {id: a, type: integer}
                    - {id: t, type: text}
                    - {id: f, type: yes_no, red_flag: {when: "f == yes"}}
                    - {id: g, type: yes_no, positive: yes}
                    - {id: h, type: yes_no, role: analysis, changeable: true}
                    - {id: i, type: yes_no, derived: "a > 1", changeable: true}
                    - {id: j, type: yes_no, sensitive: maybe}
                    """)),
            Map.entry("unread roles", small("", """
                    - {id: note, role: ignore, range: [0, 1], tier: core}
                    - {id: hh, role: group, type: integer, categories: [A]}
                    - {id: hh2, role: group}
                    - {id: r1, type: text, role: reference_id}
                    - {id: r2, type: text, role: reference_id}
                    - {id: b, type: yes_no, derived: "note == 'x'"}
                    """)),
            Map.entry("source without label", small("sources:\n  welfare:",
                    "- {id: b, source: welfare, type: integer}")),
            Map.entry("ages without age_item", small("", "- {id: b, type: integer, applies_to: {ages: [1, 2]}}")),
            Map.entry("ages", small("age_item: a", """
                    - {id: b, type: integer, applies_to: {ages: [1]}}
                    - {id: c, type: integer, applies_to: {ages: [10, 5]}}
                    - {id: d, type: integer, applies_to: {}}
                    - {id: e, type: integer, applies_to: {when: "a >= "}}
                    - {id: f, type: integer, applies_to: {ages: [1.5, 3]}}
                    """)),
            Map.entry("age item itself", small("age_item: b", "- {id: b, type: integer, applies_to: {ages: [1, 3]}}")),
            Map.entry("no such age item", small("age_item: aeg", "")),
            Map.entry("age item not numeric", small("age_item: b", "- {id: b, type: yes_no}")),
            Map.entry("references", small("", """
                    - {id: b, type: integer, derived: "aa + 1"}
                    - {id: n, role: ignore}
                    - {id: c, type: yes_no, applies_to: {when: "n == 'x'"}}
                    - {id: d, type: categorical, categories: [A], derived: "a > 1"}
                    - {id: g, type: yes_no, role: audit_group}
                    - {id: e, type: yes_no, derived: "g == yes"}
                    - {id: p, type: number, derived: "q + 1"}
                    - {id: q, type: number, derived: "p + 1"}
                    """)),
            Map.entry("labels", """
                    schema: s
                    version: 1
                    target: x
                    items:
                      - {id: y, type: yes_no, role: label, positive: yes, derived: "z == yes"}
                      - {id: z, type: yes_no, role: label, positive: yes}
                    """),
            Map.entry("no label", "schema: s\nversion: 1\ntarget: x\nitems:\n  - {id: a, type: integer}\n"),
            Map.entry("values", small("", """
                    - {id: b, type: categorical, categories: [A], range: [0, 1]}
                    - {id: c, type: integer, range: [1]}
                    - {id: d, type: number, range: [5, 1]}
                    - {id: e, type: share, range: [0, 2]}
                    - {id: f, type: categorical}
                    - {id: g, type: integer, categories: [A]}
                    - {id: h, type: categorical, categories: [{label: x}, "", A, A, unknown]}
                    - {id: i, type: categorical, categories: []}
                    - {id: k, type: integer, range: [x, 1]}
                    """)),
            Map.entry("label without positive", "schema: s\nversion: 1\ntarget: x\nitems:\n"
                    + "  - {id: a, type: integer}\n  - {id: y, type: yes_no, role: label}\n"),
            Map.entry("yes_no label positive", "schema: s\nversion: 1\ntarget: x\nitems:\n"
                    + "  - {id: a, type: integer}\n  - {id: y, type: yes_no, role: label, positive: maybe}\n"),
            Map.entry("categorical label positive", "schema: s\nversion: 1\ntarget: x\nitems:\n"
                    + "  - {id: a, type: integer}\n"
                    + "  - {id: y, type: categorical, categories: [A, B], role: label, positive: Z}\n"),
            Map.entry("numeric label", "schema: s\nversion: 1\ntarget: x\nitems:\n"
                    + "  - {id: a, type: integer}\n  - {id: y, type: integer, role: label, positive: 1}\n"));

    @Test
    void everyProblemOfEveryBadSchemaIsWordedInJapaneseAndEnglish() {
        Set<String> seen = new TreeSet<>();
        BAD_SCHEMAS.forEach((name, yaml) -> assertThatThrownBy(() -> SchemaLoader.parse(yaml, name + ".yaml"))
                .as(name).isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    BilingualProblems.assertBilingual(e);
                    e.problems().forEach(p -> seen.add(p.message().replaceAll("'[^']*'|[0-9.]+", "_")));
                }));
        // The cases between them reach most of the ~60 places that word a problem.
        assertThat(seen).as(String.join("\n", seen)).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void theJapaneseSaysWhatTheEnglishSaysWithTheSameNamesAndSuggestions() {
        assertThatThrownBy(() -> SchemaLoader.parse(BAD_SCHEMAS.get("items"), "items.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.path()).isEqualTo("items[6].type");
                        assertThat(p.message()).isEqualTo("unknown type 'intger' (one of: integer, number, yes_no, "
                                + "ordinal, categorical, share, text) (did you mean 'integer'?)");
                        assertThat(p.text().ja()).isEqualTo("type 'intger' はありません（次のいずれか：integer, number, "
                                + "yes_no, ordinal, categorical, share, text）（'integer' の誤りですか？）");
                    });
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.message()).isEqualTo("missing required key 'id'");
                        assertThat(p.text().ja()).isEqualTo("必須のキー 'id' がありません");
                    });
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.message()).isEqualTo("item id 'a' is declared twice");
                        assertThat(p.text().ja()).isEqualTo("項目 ID 'a' が二度宣言されています");
                    });
                });
        assertThatThrownBy(() -> SchemaLoader.parse(BAD_SCHEMAS.get("ages"), "ages.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.message()).startsWith("invalid expression 'a >= ': ");
                    // The expression parser's own (English) words are kept, in parentheses.
                    String parser = p.message().substring("invalid expression 'a >= ': ".length());
                    assertThat(p.text().ja()).isEqualTo("式 'a >= ' が正しくありません（" + parser + "）");
                }));
        assertThatThrownBy(() -> SchemaLoader.parse(BAD_SCHEMAS.get("not yaml"), "x.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.message()).startsWith("not valid YAML: ");
                            assertThat(p.text().ja()).isEqualTo("YAML として正しくありません（"
                                    + p.message().substring("not valid YAML: ".length()) + "）");
                        }));
    }

    /** A sound schema using most of the format, to spoil at random. */
    static final String SOUND = """
            schema: props
            version: 1
            target: {ja: 対象, en: target}
            age_item: age
            sources:
              welfare: {ja: 福祉, en: Welfare}
            items:
              - {id: case_no, type: text, role: reference_id}
              - {id: household, role: group}
              - {id: note, role: ignore}
              - {id: age, source: welfare, type: integer, range: [0, 18]}
              - {id: moves, type: integer, range: [0, ~], changeable: true}
              - {id: absent, type: share, range: [0, 1], applies_to: {ages: [6, 15]}}
              - {id: many_moves, type: yes_no, derived: "moves >= 3"}
              - id: status
                type: categorical
                categories:
                  - {code: A, label: {ja: あ, en: a}}
                  - B
                tier: core
              - id: injury
                type: yes_no
                role: red_flag
                red_flag: {when: "injury == yes", message: {ja: 怪我, en: hurt}}
              - {id: group_a, type: yes_no, role: audit_group}
              - {id: y, type: yes_no, role: label, positive: yes}
            """;

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_~.]+");
    private static final List<String> SPOILERS = List.of("wibble", "-1", "~", "2.5", "[1, 2]", "{x: 1}", "unknown",
            "label", "input", "group", "ignore", "yes", "text", "categorical", "share", "age", "moves", "'a >='",
            "\"moves +\"", "99", "", "*b", "[", "}");

    @Test
    void aRedFlagWhoseIdIsAWordOfTheExpressionsIsAProblemNotACrash() {
        for (String id : List.of("not", "and", "or", "yes", "no", "true", "false")) {
            String yaml = SOUND.replace("red_flag: {when: \"injury == yes\", message: {ja: 怪我, en: hurt}}", "")
                    .replace("id: injury", "id: " + id);
            assertThatThrownBy(() -> SchemaLoader.parse(yaml, "reserved.yaml")).as(id)
                    .isInstanceOf(InvalidSchemaException.class)
                    .hasMessageContaining("item '" + id + "' cannot be read as an item in an expression")
                    .satisfies(e -> BilingualProblems.assertBilingual((InvalidSchemaException) e));
        }
    }

    @Test
    void theSoundSchemaToSpoilLoads() {
        assertThat(SchemaLoader.parse(SOUND, "sound.yaml").items()).hasSize(11);
    }

    @Property(tries = 400)
    void everyProblemOfASpoiltSchemaIsWordedInJapaneseAndEnglish(@ForAll("spoilt") String yaml) {
        boolean refused = false;
        try {
            SchemaLoader.parse(yaml, "spoilt.yaml");
        } catch (InvalidSchemaException e) {
            refused = true;
            BilingualProblems.assertBilingual(e);
        }
        Statistics.label("refused").collect(refused);
        Statistics.label("refused").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    @Provide
    Arbitrary<String> spoilt() {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(SOUND);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        Arbitrary<Integer> word = Arbitraries.integers().between(0, words.size() - 1);
        Arbitrary<String> spoiler = Arbitraries.of(SPOILERS);
        Arbitrary<String> once = Combinators.combine(word, spoiler).as((i, t) -> replace(SOUND, words.get(i), t));
        Arbitrary<String> twice = Combinators.combine(word, spoiler, word, spoiler).as((i, t, j, u) -> {
            int first = Math.max(i, j);
            int second = Math.min(i, j);
            String once1 = replace(SOUND, words.get(first), first == i ? t : u);
            return first == second ? once1 : replace(once1, words.get(second), first == i ? u : t);
        });
        List<String> lines = SOUND.lines().toList();
        Arbitrary<String> lineDropped = Arbitraries.integers().between(0, lines.size() - 1).map(n -> {
            List<String> kept = new ArrayList<>(lines);
            kept.remove((int) n);
            return String.join("\n", kept) + "\n";
        });
        return Arbitraries.oneOf(once, twice, lineDropped);
    }

    private static String replace(String text, int[] at, String with) {
        return text.substring(0, at[0]) + with + text.substring(at[1]);
    }
}
