package org.mimamori.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems are printed for people: one exact first line, no stack trace, and an exit code saying what kind. */
class CliProblemsTest {

    @TempDir
    static Path dir;

    static Path cases;

    @BeforeAll
    static void smallTown() {
        assertThat(CliRun.of("synth", "--children", "300", "--seed", "5", "--out", dir.resolve("town").toString())
                .exitCode()).isZero();
        cases = dir.resolve("town/cases.csv");
    }

    private static String firstLine(CliRun run) {
        return run.err().lines().findFirst().orElse("");
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.err()).doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(").doesNotContain("Exception");
    }

    @Test
    void aSchemaProblemNamesFileLineAndColumn() throws Exception {
        Path schema = dir.resolve("bad.yaml");
        Files.writeString(schema, """
                schema: x
                version: 1
                target: t
                items:
                  - {id: a, type: intger}
                  - {id: y, type: yes_no, role: label, positive: yes}
                """);
        CliRun run = CliRun.of("train", "--data", cases.toString(), "--schema", schema.toString(), "--out",
                dir.resolve("m").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(firstLine(run)).isEqualTo("train: 2 problem(s) in the schema:");
        assertThat(run.err()).contains("  " + schema + ":5:19: items[0].type: unknown type 'intger' (one of: "
                + "integer, number, yes_no, ordinal, categorical, share, text) (did you mean 'integer'?)");
        assertNoStackTrace(run);
        assertThat(CliRun.of("synth", "--children", "10", "--schema", schema.toString(), "--out",
                dir.resolve("s").toString()).exitCode()).isEqualTo(3);
    }

    @Test
    void invalidCellsAreSummarisedPerColumn() throws Exception {
        Path bad = dir.resolve("bad-cells.csv");
        StringBuilder csv = new StringBuilder();
        int row = 0;
        for (String line : Files.readAllLines(cases)) {
            csv.append(row > 0 && row <= 12 ? line.replaceFirst("^(C\\w+),\\d+,", "$1,old,") : line).append('\n');
            row++;
        }
        Files.writeString(bad, csv);
        CliRun run = CliRun.of("train", "--data", bad.toString(), "--out", dir.resolve("m").toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(firstLine(run)).isEqualTo("train: bad-cells.csv: 12 invalid values in 1 column");
        assertThat(run.err().lines().skip(1).findFirst().orElseThrow()).isEqualTo("  age_years: 12 rows, e.g. row 1: "
                + "'old' is not a whole number between 0 and 17; row 2: 'old' is not a whole number between 0 and 17; "
                + "row 3: 'old' is not a whole number between 0 and 17");
        assertNoStackTrace(run);
    }

    @Test
    void aMisspeltColumnGetsADidYouMean() throws Exception {
        Path bad = dir.resolve("bad-header.csv");
        Files.writeString(bad, Files.readString(cases).replaceFirst("absence_days_term", "absense_days_term"));
        CliRun run = CliRun.of("evaluate", "--bundle", dir.resolve("none.zip").toString(), "--data", bad.toString());
        assertThat(run.exitCode()).as("the bundle is read first").isEqualTo(5);
        run = CliRun.of("train", "--data", bad.toString(), "--out", dir.resolve("m").toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err().lines().toList()).containsExactly("train: bad-header.csv: 1 problem",
                "  absense_days_term: column is not an item of schema child-support-v1 (did you mean "
                        + "'absence_days_term'?); declare it in the schema (role: ignore if it is not a data item)");
    }

    @Test
    void aMissingFileIsAnIoProblem() {
        CliRun run = CliRun.of("train", "--data", dir.resolve("nothere.csv").toString(), "--out",
                dir.resolve("m").toString());
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err().strip()).isEqualTo("train: cannot read " + dir.resolve("nothere.csv") + ": no such file");
    }

    @Test
    void aWrongCommandLineIsAUsageProblem() {
        CliRun misspelt = CliRun.of("train", "--data", cases.toString(), "--out", dir.toString(), "--bootsrap", "3");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(firstLine(misspelt)).isEqualTo("train: Unknown options: '--bootsrap', '3'");
        assertThat(misspelt.err()).contains("--bootstrap").contains("Run 'mimamori-training train --help'");
        CliRun badValue = CliRun.of("train", "--data", cases.toString(), "--out", dir.toString(), "--calibration", "x");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(firstLine(badValue)).isEqualTo("train: calibration is 'platt' or 'isotonic', not 'x'");
        CliRun synth = CliRun.of("synth", "--children", "0", "--out", dir.toString());
        assertThat(synth.exitCode()).isEqualTo(2);
        assertNoStackTrace(synth);
    }

    @Test
    void tooFewLabelledCasesIsADataProblem() throws Exception {
        Path few = dir.resolve("few.csv");
        Files.writeString(few, String.join("\n", Files.readAllLines(cases).subList(0, 50)) + "\n");
        CliRun run = CliRun.of("train", "--data", few.toString(), "--out", dir.resolve("m").toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(firstLine(run)).isEqualTo("train: only 49 cases have a known label (need_confirmed_12m); at "
                + "least 100 are needed to train");
        assertNoStackTrace(run);
    }

    @Test
    void debugKeepsTheStackTrace() {
        CliRun run = CliRun.of("train", "--data", dir.resolve("nothere.csv").toString(), "--out",
                dir.resolve("m").toString(), "--debug");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(firstLine(run)).startsWith("train: cannot read");
        assertThat(run.err()).contains("java.nio.file.NoSuchFileException").containsPattern("(?m)^\\s+at ");
    }
}
