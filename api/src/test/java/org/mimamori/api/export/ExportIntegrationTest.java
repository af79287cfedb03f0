package org.mimamori.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.model.CorrectionRequest;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.SupportType;
import org.mimamori.model.data.CsvTable;
import org.mimamori.training.cli.MimamoriTraining;
import org.mimamori.training.export.ExportCommand;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/**
 * {@code export} run in-process against the running service's embedded database: the recorded inputs of each
 * child's latest score with an outcome, labelled from the outcome, and metadata stating the selection bias.
 */
class ExportIntegrationTest extends IntegrationTestBase {

    @Autowired
    EmbeddedMariaDb db;

    @Test
    void exportsEachChildsLatestScoreWithAnOutcomeLabelledFromIt() throws Exception {
        String a = "EXP-A-" + UUID.randomUUID().toString().substring(0, 8) + "1";
        String b = "EXP-B-" + UUID.randomUUID().toString().substring(0, 8) + "2";
        String c = "EXP-C-" + UUID.randomUUID().toString().substring(0, 8) + "3";
        String olderA = score(a, 11, 25);
        outcome(olderA, true, "poverty,young_carer");
        Thread.sleep(5);
        score(a, 11, 2); // newer, no outcome: the older one with an outcome is exported
        score(b, 8, 0); // no outcome at all
        String onlyC = score(c, 14, 5);
        outcome(onlyC, false, "");

        Path out = Files.createTempDirectory("export").resolve("labels.csv");
        long audits = lastAuditId();
        Map<String, String[]> rows = export(out, false);
        assertThat(rows).containsKeys(a, c).doesNotContainKey(b);
        assertThat(cell(out, rows.get(a), "absence_days_term")).isEqualTo("25");
        assertThat(cell(out, rows.get(a), "need_confirmed_12m")).isEqualTo("1");
        assertThat(cell(out, rows.get(a), "need_type_poverty")).isEqualTo("1");
        assertThat(cell(out, rows.get(a), "need_type_young_carer")).isEqualTo("1");
        assertThat(cell(out, rows.get(a), "need_type_abuse")).isEqualTo("0");
        assertThat(cell(out, rows.get(c), "need_confirmed_12m")).isEqualTo("0");
        assertThat(cell(out, rows.get(c), "age_years")).isEqualTo("14");

        JsonNode meta = new ObjectMapper().readTree(ExportCommand.metadataOf(out).toFile());
        assertThat(meta.path("selectionBias").asText()).contains("Only assessed children have outcomes")
                .contains("already in contact").contains("record of past decisions");
        assertThat(meta.path("schemaId").asText()).isEqualTo("child-support-v1");
        assertThat(meta.path("counts").path("exported").asInt()).isEqualTo(rows.size());
        assertThat(meta.path("counts").path("scoresWithOutcome").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(meta.path("counts").path("scores").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(meta.path("modelVersions")).isNotEmpty();
        assertThat(meta.has("exportedAt")).isTrue();
        assertThat(Files.readString(out)).doesNotContain("Taro");

        Map<String, String[]> all = export(out, true);
        assertThat(all).containsKeys(a, b, c);
        assertThat(cell(out, all.get(b), "need_confirmed_12m")).isEmpty();
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE id > ? AND action = 'export' ORDER BY id",
                String.class, audits)).as("each export is an audited access").containsExactly(
                rows.size() + " children to labels.csv", all.size() + " children to labels.csv");
    }

    @Test
    void aCorrectedScoreIsExportedWithItsCorrectedInputsAndTheOutcomeRecordedOnTheOldVersion() throws Exception {
        String d = "EXP-D-" + UUID.randomUUID().toString().substring(0, 8) + "4";
        String old = score(d, 10, 30);
        outcome(old, true, "poverty");
        clients().corrections("demo-privacy_officer").createCorrection(UUID.fromString(old), new CorrectionRequest()
                .purpose(CorrectionRequest.PurposeEnum.CORRECTION_REQUEST)
                .items(Map.of("age_years", 10, "absence_days_term", 3))
                .reason("The school counted another child's absences."), "en");

        Path out = Files.createTempDirectory("export").resolve("corrected.csv");
        Map<String, String[]> rows = export(out, false);

        assertThat(cell(out, rows.get(d), "absence_days_term")).as("the corrected inputs").isEqualTo("3");
        assertThat(cell(out, rows.get(d), "need_confirmed_12m")).as("the outcome of the old version").isEqualTo("1");
    }

    private Map<String, String[]> export(Path out, boolean unlabelled) throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli = MimamoriTraining.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        String password = db.dataDir().resolve("secrets/db-password").toString();
        int code = unlabelled
                ? cli.execute("export", "--jdbc-url", db.jdbcUrl(), "--user", db.username(), "--password-file",
                        password, "--out", out.toString(), "--include-unlabelled")
                : cli.execute("export", "--jdbc-url", db.jdbcUrl(), "--user", db.username(), "--password-file",
                        password, "--out", out.toString());
        assertThat(code).as(err.toString()).isZero();
        CsvTable t = CsvTable.read(out);
        int ref = t.column("child_ref");
        Map<String, String[]> rows = new HashMap<>();
        for (String[] r : t.rows()) {
            assertThat(rows.put(r[ref], r)).as("one row per child").isNull();
        }
        return rows;
    }

    private static String cell(Path out, String[] row, String column) throws Exception {
        return row[CsvTable.read(out).column(column)];
    }

    private String score(String childRef, int age, int absences) {
        var r = http().post("/api/v1/scores", "demo-caseworker", """
                {"childRef":"%s","purpose":"case_review","items":{"age_years":%d,"absence_days_term":%d}}"""
                .formatted(childRef, age, absences));
        assertThat(r.statusCode()).isEqualTo(201);
        try {
            return new ObjectMapper().readTree(r.body()).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the outcome through the API, as staff would. */
    private void outcome(String scoreId, boolean need, String types) {
        clients().decisions("demo-caseworker").recordOutcome(UUID.fromString(scoreId), new OutcomeRequest()
                .needConfirmed(need).confirmedOn(LocalDate.of(2026, 10, 1))
                .supportTypes(types.isEmpty() ? List.of() : Arrays.stream(types.split(","))
                        .map(SupportType::fromValue).toList()));
    }
}
