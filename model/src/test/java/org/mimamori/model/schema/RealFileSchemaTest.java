package org.mimamori.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.data.InvalidCaseException;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.value.Value;

/** The schema features for a municipality's own files: ignored columns, groups, open bounds, labelled codes. */
class RealFileSchemaTest {

    static final String YAML = """
            schema: credit
            version: 1
            target: {en: Share of similar past applications that defaulted}
            items:
              - {id: case_no, type: text, role: reference_id}
              - {id: applicant_name, role: ignore}
              - {id: applied_on, role: ignore, description: {en: date of the application}}
              - {id: household_id, role: group}
              - {id: open_loans, type: integer, range: [0, ~]}
              - id: checking
                type: categorical
                categories:
                  - {code: A11, label: {ja: 残高マイナス, en: below zero}}
                  - {code: A12, label: {en: up to 200}}
                  - A14
              - {id: defaulted, type: yes_no, role: label, positive: yes}
            """;

    static final FeatureSchema SCHEMA = SchemaLoader.parse(YAML, "credit.yaml");

    @Test
    void ignoreAndGroupItemsNeedNoTypeAndAreNeverInputs() {
        assertThat(SCHEMA.item("applicant_name").orElseThrow().type()).isEqualTo(ItemType.TEXT);
        assertThat(SCHEMA.item("applicant_name").orElseThrow().isRead()).isFalse();
        assertThat(SCHEMA.groupItem()).map(Item::id).contains("household_id");
        assertThat(SCHEMA.inputs()).extracting(Item::id).containsExactly("open_loans", "checking");
        assertThat(Role.GROUP.isSentForScoring()).isFalse();
        assertThat(Role.IGNORE.isSentForScoring()).isFalse();
    }

    @Test
    void anOpenUpperBoundAcceptsAnyLargeCountButNotANegativeOne() {
        Item loans = SCHEMA.item("open_loans").orElseThrow();
        assertThat(loans.max()).isNull();
        assertThat(loans.min()).isEqualTo(0.0);
        assertThat(loans.problemWith(Value.of(1_000_000))).isNull();
        assertThat(loans.problemWith(Value.of(-1))).isEqualTo(new LocalizedText("0 以上の整数でなければなりません",
                "must be a whole number of at least 0"));
    }

    @Test
    void ignoredColumnsAreAcceptedWithAnyTextAndNeverRead() throws Exception {
        String csv = """
                case_no,applicant_name,applied_on,household_id,open_loans,checking,defaulted,
                C1,"Yamada, Taro",2024-04-01,H1,0,A11,1,
                C2,山田 花子,not a date at all,H1,250,A14,0,
                """.replace(",\n", "\n");
        CaseCsv.Read read = CaseCsv.read(SCHEMA, CsvTable.read(new StringReader(csv), "f.csv"), "f.csv");
        assertThat(read.missingColumns()).isEmpty();
        Case c = read.cases().get(1);
        assertThat(c.get("applicant_name")).isEqualTo(Value.UNKNOWN);
        assertThat(c.get("applied_on")).isEqualTo(Value.UNKNOWN);
        assertThat(c.get("household_id")).isEqualTo(Value.category("H1"));
        assertThat(c.get("open_loans")).isEqualTo(Value.of(250));
        assertThat(CaseCsv.columns(SCHEMA)).extracting(Item::id).doesNotContain("applicant_name", "applied_on");
    }

    @Test
    void categoryLabelsAreShownWithTheirCodeInBothLanguages() {
        Item checking = SCHEMA.item("checking").orElseThrow();
        assertThat(checking.categories()).containsExactly("A11", "A12", "A14");
        assertThat(checking.categoryText("A11").in(Locale.JAPANESE)).isEqualTo("残高マイナス (A11)");
        assertThat(checking.categoryText("A12").in(Locale.JAPANESE)).isEqualTo("up to 200 (A12)");
        assertThat(checking.categoryText("A14").en()).isEqualTo("A14");
        Case c = Case.resolve(SCHEMA, Map.of("checking", Value.category("A11"), "open_loans", Value.of(3)));
        CaseEncoder encoder = CaseEncoder.fit(SCHEMA, List.of(c), EncodingStyle.SCORECARD, BinSettings.DEFAULT);
        assertThat(encoder.features()).filteredOn(f -> f.item().equals("checking")).extracting(EncodedFeature::state,
                EncodedFeature::description).startsWith(
                        org.assertj.core.groups.Tuple.tuple("=A11", "below zero (A11)"));
    }

    @Test
    void aMisspeltCategoryOrColumnGetsADidYouMean() throws Exception {
        String csv = "case_no,open_loans,chekcing,defaulted\nC1,0,A11,1\n";
        assertThatThrownBy(() -> CaseCsv.read(SCHEMA, CsvTable.read(new StringReader(csv), "f.csv"), "f.csv"))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessageStartingWith("f.csv: 1 problem\n  chekcing: column is not an item of schema credit-v1 "
                        + "(did you mean 'checking'?)");
        String bad = "case_no,checking,defaulted\nC1,a14,1\nC2,A11,1\nC3,B,0\n";
        assertThatThrownBy(() -> CaseCsv.read(SCHEMA, CsvTable.read(new StringReader(bad), "f.csv"), "f.csv"))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> {
                    assertThat(e.rowsByField()).containsExactly(Map.entry("checking", 2));
                    assertThat(e.getMessage()).isEqualTo("f.csv: 2 invalid values in 1 column\n"
                            + "  checking: 2 rows, e.g. row 1: 'a14' is out of range: must be one of [A11, A12, A14] "
                            + "(did you mean 'A14'?); row 3: 'B' is out of range: must be one of [A11, A12, A14]");
                });
    }

    @Test
    void misuseOfTheNewRolesIsReportedWhereItIs() {
        String yaml = """
                schema: bad
                version: 1
                target: x
                items:
                  - {id: note, role: ignore, range: [0, 1]}
                  - {id: hh, role: group, type: integer}
                  - {id: hh2, role: group}
                  - {id: a, type: integer, range: [0, ~]}
                  - {id: b, type: yes_no, derived: "note == 'x'"}
                  - {id: c, type: categorical, categories: [{label: {en: no code}}]}
                  - {id: y, type: yes_no, role: lable, positive: yes}
                  - {id: z, type: yes_no, role: label, positive: yes, rnage: [0, 1]}
                """;
        assertThatThrownBy(() -> SchemaLoader.parse(yaml, "bad.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    assertThat(e.problems()).extracting(SchemaProblem::toString).contains(
                                "bad.yaml:5:37: items[0].range: 'range' has no meaning on an item with role ignore "
                                        + "(its column is never read)",
                                "bad.yaml:6:33: items[1].type: an item with role group has type text (or leave "
                                        + "'type' out)",
                                "bad.yaml:1:1: : a schema has at most one item with role 'group'",
                                "bad.yaml:9:5: items[4]: item 'b' refers to 'note', whose role 'ignore' means its "
                                        + "column is never read",
                                "bad.yaml:10:45: items[5].categories[0]: a labelled category is {code: ..., label: "
                                        + "...}; 'code' is missing",
                                "bad.yaml:11:33: items[6].role: unknown role 'lable' (one of: input, audit_group, "
                                        + "red_flag, reference_id, label, already_known, analysis, group, ignore) "
                                        + "(did you mean 'label'?)")
                        .anySatisfy(p -> assertThat(p).contains("unknown key 'rnage'")
                                .endsWith("(did you mean 'range'?)"));
                    BilingualProblems.assertBilingual(e);
                });
    }
}
