package org.mimamori.training.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;

/** The schema decides the columns: the generator survives a municipality that drops, adds and changes items. */
class SynthSchemaDrivenTest {

    @TempDir
    Path tmp;

    /** The default schema with dv_consultation dropped, a new item, a renamed label and two changed items. */
    private static FeatureSchema municipalSchema() {
        String yaml = SynthTestData.SCHEMA.yaml();
        int drop = yaml.indexOf("  - id: dv_consultation");
        int next = yaml.indexOf("  - id:", drop + 1);
        yaml = yaml.substring(0, drop) + yaml.substring(next);
        yaml = yaml.replace("  - id: need_confirmed_12m", "  - id: support_need_confirmed");
        int absence = yaml.indexOf("  - id: absence_days_term");
        yaml = yaml.substring(0, absence)
                + yaml.substring(absence).replaceFirst("range: \\[0, 100\\]", "range: [0, 30]");
        int teen = yaml.indexOf("  - id: teen_parent");
        yaml = yaml.substring(0, teen) + yaml.substring(teen).replaceFirst("type: yes_no",
                "type: categorical\n    categories: [under_20, other]");
        yaml += """
                  - id: home_visits_declined
                    source: welfare
                    type: integer
                    range: [0, 10]
                    tier: optional
                    label: {en: Home visits declined}
                """;
        return SchemaLoader.parse(yaml, "municipal.yaml");
    }

    @Test
    void droppedColumnsAreAbsentAndUnknownItemsAreEmpty() throws IOException {
        FeatureSchema schema = municipalSchema();
        SynthWriter.Summary summary = SynthWriter.write(SynthConfig.of(3000, 3).withCohort(200), schema, tmp);
        assertThat(summary.unmodelled()).containsExactly("home_visits_declined");

        CsvTable cases = CsvTable.read(tmp.resolve(SynthWriter.CASES));
        assertThat(cases.header()).isEqualTo(CaseCsv.columns(schema).stream().map(i -> i.id()).toList());
        assertThat(cases.header()).doesNotContain("dv_consultation", "need_confirmed_12m", "young_carer_pattern")
                .contains("home_visits_declined", "support_need_confirmed");
        assertThat(column(cases, "home_visits_declined")).allMatch(String::isEmpty);
        // The label is found by its role, whatever its name.
        assertThat(column(cases, "support_need_confirmed")).allMatch(v -> v.equals("0") || v.equals("1"))
                .contains("1");
        // Values are fitted to the municipality's types and ranges rather than crash the run.
        assertThat(column(cases, "absence_days_term")).filteredOn(v -> v.matches("\\d+"))
                .allMatch(v -> Integer.parseInt(v) <= 30).contains("30");
        assertThat(column(cases, "teen_parent")).allMatch(String::isEmpty);
        // And the file reads back under the schema.
        assertThat(CaseCsv.read(schema, tmp.resolve(SynthWriter.CASES)).cases()).hasSize(3000);
        assertThat(CaseCsv.read(schema, tmp.resolve(SynthWriter.COHORT)).cases()).hasSize(200);

        CsvTable planted = CsvTable.read(tmp.resolve(SynthWriter.PLANTED));
        assertThat(column(planted, "item"))
                .containsExactlyElementsOf(schema.inputs().stream().map(i -> i.id()).toList());
        int design = planted.column("design");
        int effect = planted.column("planted_effect");
        String[] unknown = planted.rows().stream().filter(r -> r[0].equals("home_visits_declined")).findFirst()
                .orElseThrow();
        assertThat(unknown[design]).isEqualTo("unmodelled");
        assertThat(unknown[effect]).isEqualTo("0.0000");
        assertThat(Files.readString(tmp.resolve(SynthWriter.CONFIG))).contains("home_visits_declined");
    }

    @Test
    void theDefaultSchemaIsWrittenExactlyByItsRecordedColumns() throws IOException {
        SynthWriter.write(SynthConfig.of(500, 1), SynthTestData.SCHEMA, tmp);
        CsvTable cases = CsvTable.read(tmp.resolve(SynthWriter.CASES));
        assertThat(cases.header()).isEqualTo(CaseCsv.columns(SynthTestData.SCHEMA).stream().map(i -> i.id()).toList());
        assertThat(CaseCsv.read(SynthTestData.SCHEMA, tmp.resolve(SynthWriter.CASES)).missingColumns()).isEmpty();
        assertThat(column(cases, "low_mood_days_share")).filteredOn(v -> v.contains("."))
                .allMatch(v -> v.length() - v.indexOf('.') - 1 <= 2);   // shares have two decimals at most
    }

    @Test
    void aGroupItemGetsTheHouseholdAndIgnoredItemsNoColumn() throws IOException {
        String yaml = SynthTestData.SCHEMA.yaml().replace("  - id: age_years", "  - {id: household_ref, role: group}\n"
                + "  - {id: caseworker_notes, role: ignore}\n  - id: age_years");
        FeatureSchema schema = SchemaLoader.parse(yaml.replaceFirst("range: \\[0, 100\\]", "range: [0, ~]"),
                "grouped.yaml");
        assertThat(schema.items()).as("an open-ended count").anyMatch(i -> i.min() != null && i.max() == null);
        SynthWriter.write(SynthConfig.of(800, 2), schema, tmp);
        CsvTable cases = CsvTable.read(tmp.resolve(SynthWriter.CASES));
        CsvTable truth = CsvTable.read(tmp.resolve(SynthWriter.TRUTH));
        assertThat(cases.header()).contains("household_ref").doesNotContain("caseworker_notes");
        assertThat(column(cases, "household_ref")).isEqualTo(column(truth, "household_ref"));
        assertThat(CaseCsv.read(schema, tmp.resolve(SynthWriter.CASES)).missingColumns()).isEmpty();
    }

    private static List<String> column(CsvTable table, String name) {
        int c = table.column(name);
        assertThat(c).as(name).isNotNegative();
        return table.rows().stream().map(r -> r[c]).toList();
    }
}
