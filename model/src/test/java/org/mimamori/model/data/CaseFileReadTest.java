package org.mimamori.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;

/**
 * Reading a case file (cells split on one thread, rows turned into cases on another) gives what reading the same
 * text on one thread gives: the same cases in the same order, the same problem report for invalid values spread
 * over many batches of rows, and the same error for a malformed line after invalid values.
 */
class CaseFileReadTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.parse("""
            schema: credit
            version: 1
            target: {en: Share of similar past applications that defaulted}
            items:
              - {id: case_no, type: text, role: reference_id}
              - {id: applicant_name, role: ignore}
              - {id: open_loans, type: integer, range: [0, ~]}
              - {id: checking, type: categorical, categories: [A11, A12, A14]}
              - {id: defaulted, type: yes_no, role: label, positive: yes}
            """, "credit.yaml");

    @TempDir
    Path dir;

    private static String csv(int rows, boolean invalid, SplittableRandom random) {
        StringBuilder text = new StringBuilder("case_no,applicant_name,open_loans,checking,defaulted\n");
        String[] codes = {"A11", "A12", "A14", ""};
        for (int i = 0; i < rows; i++) {
            String loans = invalid && i % 997 == 13 ? "-" + i : random.nextInt(4) == 0 ? "" : "" + random.nextInt(9);
            String checking = invalid && i % 1511 == 700 ? "B" + i : codes[random.nextInt(codes.length)];
            text.append("C").append(i).append(",\"Name, ").append(i).append("\",").append(loans).append(',')
                    .append(checking).append(',').append(random.nextInt(2)).append('\n');
        }
        return text.toString();
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve("cases.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theSameCasesInTheSameOrder() throws Exception {
        String text = csv(10_000, false, new SplittableRandom(5));
        CaseCsv.Read fromFile = CaseCsv.read(SCHEMA, write(text));
        CaseCsv.Read oneThread = CaseCsv.read(SCHEMA, CsvTable.read(new StringReader(text), "cases.csv"), "cases.csv");
        assertThat(fromFile.cases()).hasSize(10_000);
        assertThat(fromFile.cases().stream().map(Case::toString).toList())
                .isEqualTo(oneThread.cases().stream().map(Case::toString).toList());
        assertThat(fromFile.missingColumns()).isEqualTo(oneThread.missingColumns());
    }

    @Test
    void theSameProblemReportForInvalidValuesInManyBatches() throws Exception {
        String text = csv(10_000, true, new SplittableRandom(6));
        Throwable fromFile = catchThrowable(() -> CaseCsv.read(SCHEMA, write(text)));
        Throwable oneThread = catchThrowable(() -> CaseCsv.read(SCHEMA,
                CsvTable.read(new StringReader(text), "cases.csv"), "cases.csv"));
        assertThat(fromFile).isInstanceOf(InvalidCaseException.class);
        assertThat(((InvalidCaseException) fromFile).rowsByField()).containsEntry("open_loans", 11)
                .containsEntry("checking", 7);
        assertThat(fromFile).hasMessage(oneThread.getMessage());
    }

    @Test
    void aMalformedLineAfterInvalidValuesIsReportedAsOnOneThread() throws Exception {
        String text = csv(5_000, true, new SplittableRandom(7)) + "C9,x,1\n" + csv(10, false, new SplittableRandom(8))
                .lines().skip(1).map(l -> l + "\n").reduce("", String::concat);
        Throwable fromFile = catchThrowable(() -> CaseCsv.read(SCHEMA, write(text)));
        Throwable oneThread = catchThrowable(() -> CsvTable.read(new StringReader(text), "cases.csv"));
        assertThat(fromFile).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cases.csv: line 5002 has 3 cells, the header has 5").hasMessage(oneThread.getMessage());
    }
}
