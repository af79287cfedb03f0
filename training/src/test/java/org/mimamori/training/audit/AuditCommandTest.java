package org.mimamori.training.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.mimamori.training.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit on a 20-row fixture whose every figure was computed by hand (threshold 0.5, flagged when
 * score >= 0.5). Positives are the rows labelled 1/yes/true.
 *
 * <pre>
 * area=north (rows 1-10): + 0.9 0.8 0.7 0.6 | 0.3     - 0.55 | 0.4 0.2 0.1 0.05
 *   TP 4 FN 1 FP 1 TN 4; AUC: 0.9, 0.8, 0.7, 0.6 beat all 5 negatives, 0.3 beats 3 -> 23/25
 * area=south (rows 11-18): + 0.8 | 0.35 0.25     - 0.75 0.6 0.5 | 0.25 0.15
 *   TP 1 FN 2 FP 3 TN 2; AUC: 0.8 -> 5, 0.35 -> 2, 0.25 -> 1 + tie 1/2 -> 8.5/15
 * area=(empty) (rows 19-20): + 0.7   - 0.45 -> TP 1 TN 1
 * household=single (rows 1 5 6 11 12 14 15 17): + 0.9 0.8 | 0.35 0.3   - 0.75 0.6 0.55 | 0.25
 *   TP 2 FN 2 FP 3 TN 1; AUC: 0.9 -> 4, 0.8 -> 4, 0.35 -> 1, 0.3 -> 1 -> 10/16
 * household=two (the other 12): + 0.8 0.7 0.7 0.6 | 0.25   - 0.5 | 0.45 0.4 0.2 0.15 0.1 0.05
 *   TP 4 FN 1 FP 1 TN 6; AUC: four positives beat all 7, 0.25 beats 4 -> 32/35
 * </pre>
 */
class AuditCommandTest {

    static final String FIXTURE = """
            id,score,label,area,household
            1,0.9,1,north,single
            2,0.8,yes,north,two
            3,0.7,TRUE,north,two
            4,0.6,1,north,two
            5,0.3,Yes,north,single
            6,0.55,0,north,single
            7,0.4,no,north,two
            8,0.2,false,north,two
            9,0.1,0,north,two
            10,0.05,NO,north,two
            11,0.8,1,south,single
            12,0.35,1,south,single
            13,0.25,true,south,two
            14,0.75,0,south,single
            15,0.6,0,south,single
            16,0.5,0,south,two
            17,0.25,0,south,single
            18,0.15,0,south,two
            19,0.7,1,,two
            20,0.45,0,,two
            """;

    @TempDir
    Path dir;
    Path csv;

    @BeforeEach
    void writeFixture() throws IOException {
        csv = dir.resolve("fixture.csv");
        Files.writeString(csv, FIXTURE);
    }

    private CliRun audit(String... extra) {
        String[] base = {"audit", "--input", csv.toString(), "--score-column", "score", "--label-column", "label",
            "--group-column", "area", "--group-column", "household", "--threshold", "0.5"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static void assertGroup(JsonNode g, int n, int tp, int fp, int tn, int fn, double base, double sel,
            double tpr, double fpr, double fnr, double ppv, double npv, double auc, boolean reference,
            boolean tooSmall) {
        assertThat(g.get("n").asInt()).isEqualTo(n);
        assertThat(new int[] {g.get("tp").asInt(), g.get("fp").asInt(), g.get("tn").asInt(), g.get("fn").asInt()})
                .containsExactly(tp, fp, tn, fn);
        String[] keys = {"base_rate", "selection_rate", "tpr", "fpr", "fnr", "ppv", "npv", "auc"};
        double[] expected = {base, sel, tpr, fpr, fnr, ppv, npv, auc};
        for (int k = 0; k < keys.length; k++) {
            assertThat(g.get(keys[k]).asDouble()).as(g.get("value") + " " + keys[k]).isCloseTo(expected[k], within(1e-12));
        }
        assertThat(g.get("reference").asBoolean()).isEqualTo(reference);
        assertThat(g.get("too_small").asBoolean()).isEqualTo(tooSmall);
    }

    private static void assertDisparity(JsonNode g, String rate, double ratio, double difference, boolean flag) {
        JsonNode d = g.get("disparities").get(rate);
        assertThat(d.get("ratio").asDouble()).as(g.get("value") + " " + rate + " ratio").isCloseTo(ratio, within(1e-12));
        assertThat(d.get("difference").asDouble()).as(g.get("value") + " " + rate + " difference")
                .isCloseTo(difference, within(1e-12));
        assertThat(d.get("flag").asBoolean()).as(g.get("value") + " " + rate + " flag").isEqualTo(flag);
    }

    @Test
    void jsonHoldsTheHandComputedFiguresOfEveryGroup() {
        CliRun run = audit("--min-group-size", "10", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode root = run.json();
        assertThat(root.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(root.get("tolerance").toString()).isEqualTo("[0.8,1.25]");
        assertThat(root.get("groups")).extracting(g -> g.get("column").asText() + "=" + g.get("value").asText())
                .containsExactly("area=north", "area=south", "area=(unknown)", "household=single", "household=two");

        assertGroup(run.group("area", "north"), 10, 4, 1, 4, 1, 0.5, 0.5, 0.8, 0.2, 0.2, 0.8, 0.8, 23.0 / 25, true,
                false);
        assertGroup(run.group("area", "south"), 8, 1, 3, 2, 2, 3.0 / 8, 4.0 / 8, 1.0 / 3, 3.0 / 5, 2.0 / 3, 1.0 / 4,
                2.0 / 4, 8.5 / 15, false, true);
        assertGroup(run.group("area", "(unknown)"), 2, 1, 0, 1, 0, 0.5, 0.5, 1, 0, 0, 1, 1, 1, false, true);
        assertGroup(run.group("household", "single"), 8, 2, 3, 1, 2, 0.5, 5.0 / 8, 0.5, 0.75, 0.5, 0.4, 1.0 / 3,
                10.0 / 16, false, true);
        assertGroup(run.group("household", "two"), 12, 4, 1, 6, 1, 5.0 / 12, 5.0 / 12, 0.8, 1.0 / 7, 0.2, 0.8,
                6.0 / 7, 32.0 / 35, true, false);

        JsonNode south = run.group("area", "south");
        assertDisparity(south, "selection_rate", 1, 0, false);
        assertDisparity(south, "tpr", (1.0 / 3) / 0.8, 1.0 / 3 - 0.8, true);
        assertDisparity(south, "fpr", 3, 0.4, true);
        assertDisparity(south, "fnr", (2.0 / 3) / 0.2, 2.0 / 3 - 0.2, true);
        assertDisparity(south, "ppv", 0.3125, -0.55, true);
        JsonNode unknown = run.group("area", "(unknown)");
        // 1 / 0.8 = 1.25 sits on the band's upper bound, which is inside: no flag.
        assertDisparity(unknown, "tpr", 1.25, 0.2, false);
        assertDisparity(unknown, "fpr", 0, -0.2, true);
        assertDisparity(unknown, "fnr", 0, -0.2, true);
        assertDisparity(unknown, "ppv", 1.25, 0.2, false);
        JsonNode single = run.group("household", "single");
        assertDisparity(single, "selection_rate", 1.5, 5.0 / 24, true);
        assertDisparity(single, "tpr", 0.625, -0.3, true);
        assertDisparity(single, "fpr", 5.25, 0.75 - 1.0 / 7, true);
        assertDisparity(single, "fnr", 2.5, 0.3, true);
        assertDisparity(single, "ppv", 0.5, -0.4, true);
        assertThat(run.group("household", "two").get("disparities")).allSatisfy(d -> {
            assertThat(d.get("ratio").asDouble()).isEqualTo(1.0);
            assertThat(d.get("flag").asBoolean()).isFalse();
        });
    }

    @Test
    void anExplicitReferenceGroupReplacesTheLargest() {
        CliRun run = audit("--min-group-size", "10", "--reference-group", "household=single", "--json");
        assertThat(run.group("household", "single").get("reference").asBoolean()).isTrue();
        JsonNode two = run.group("household", "two");
        assertThat(two.get("reference").asBoolean()).isFalse();
        assertDisparity(two, "selection_rate", (5.0 / 12) / (5.0 / 8), 5.0 / 12 - 5.0 / 8, true);
        assertDisparity(two, "tpr", 1.6, 0.3, true);
        assertDisparity(two, "fpr", (1.0 / 7) / 0.75, 1.0 / 7 - 0.75, true);
        assertDisparity(two, "fnr", 0.4, -0.3, true);
        assertDisparity(two, "ppv", 2, 0.4, true);
        assertThat(run.group("area", "north").get("reference").asBoolean()).isTrue();
    }

    @Test
    void theToleranceDecidesTheFlagsAndTheDefaultMinimumMakesEveryGroupTooSmall() {
        CliRun run = audit("--tolerance", "0.5,4", "--json");
        assertThat(run.json().get("tolerance").toString()).isEqualTo("[0.5,4.0]");
        JsonNode south = run.group("area", "south");
        assertDisparity(south, "tpr", (1.0 / 3) / 0.8, 1.0 / 3 - 0.8, true);
        assertDisparity(south, "fpr", 3, 0.4, false);
        assertDisparity(south, "fnr", (2.0 / 3) / 0.2, 2.0 / 3 - 0.2, false);
        assertDisparity(south, "ppv", 0.3125, -0.55, true);
        assertThat(run.json().get("groups")).allSatisfy(g -> assertThat(g.get("too_small").asBoolean()).isTrue());
    }

    @Test
    void undefinedRatesAreWrittenAsJsonNull() throws IOException {
        Files.writeString(csv, "score,label,g\n0.9,1,a\n0.2,0,a\n0.7,1,b\n0.1,1,b\n");
        CliRun run = CliRun.of("audit", "--input", csv.toString(), "--score-column", "score", "--label-column",
                "label", "--group-column", "g", "--threshold", "0.5", "--json");
        JsonNode b = run.group("g", "b");
        // Group b has no negatives: FPR and AUC are undefined, and so is the FPR ratio.
        assertThat(b.get("fpr").isNull()).isTrue();
        assertThat(b.get("auc").isNull()).isTrue();
        assertThat(b.get("disparities").get("fpr").get("ratio").isNull()).isTrue();
        assertThat(b.get("disparities").get("fpr").get("flag").asBoolean()).isFalse();
        assertThat(run.out().strip()).doesNotContain("NaN").startsWith("{").endsWith("}").doesNotContain("\n");
    }

    @Test
    void theTableShowsEachColumnItsReferenceAndItsFlags() {
        CliRun run = audit("--min-group-size", "10");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Fairness audit of fixture.csv: 20 rows, flagged when score >= 0.5")
                .contains("== area (reference: north) ==")
                .contains("== household (reference: two) ==")
                .containsPattern("(?m)^north\\s+10\\s+4\\s+1\\s+4\\s+1\\s+0\\.500 .* 0\\.920  reference$")
                .containsPattern("(?m)^south\\s+8\\s+1\\s+3\\s+2\\s+2\\s+0\\.375 .*too small to judge, flagged$")
                .containsPattern("(?m)^south\\s+1\\.00 \\(\\+0\\.000\\)\\s+0\\.42! \\(-0\\.467\\)\\s+3\\.00! \\(\\+0\\.400\\)")
                .containsPattern("(?m)^\\(unknown\\)\\s+2\\s");
    }

    @Test
    void aMissingColumnIsNamed() {
        CliRun run = CliRun.of("audit", "--input", csv.toString(), "--score-column", "score", "--label-column",
                "label", "--group-column", "region", "--threshold", "0.5");
        assertThat(run.exitCode()).as("a data problem").isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("audit: fixture.csv: no column 'region'").contains("id, score, label, area, household");
    }

    @Test
    void anUnreadableLabelOrScoreNamesItsRowAndColumn() throws IOException {
        Files.writeString(csv, FIXTURE.replace("7,0.4,no,north,two", "7,0.4,maybe,north,two"));
        CliRun badLabel = audit("--json");
        assertThat(badLabel.exitCode()).as("a data problem").isEqualTo(4);
        assertThat(badLabel.out()).isEmpty();
        assertThat(badLabel.err()).contains("row 7, column 'label': 'maybe' is not a label");

        Files.writeString(csv, FIXTURE.replace("3,0.7,TRUE", "3,,TRUE"));
        assertThat(audit().err()).contains("row 3, column 'score': '' is not a finite number");
        Files.writeString(csv, FIXTURE.replace("12,0.35,1", "12,0.35,"));
        assertThat(audit().err()).contains("row 12, column 'label': '' is not a label");
    }

    @Test
    void badOptionsAreUsageErrorsAndAMissingFileAnIoError() {
        assertThat(audit("--reference-group", "area=west").err()).contains("reference group area=west has no rows");
        assertThat(audit("--reference-group", "sex=f").exitCode()).isEqualTo(2);
        assertThat(audit("--tolerance", "1.2,1.5").err()).contains("0 < lower <= 1 <= upper");
        CliRun missingFile = CliRun.of("audit", "--input", dir.resolve("none.csv").toString(), "--score-column",
                "s", "--label-column", "l", "--group-column", "g", "--threshold", "0.5");
        assertThat(missingFile.exitCode()).as("an I/O problem").isEqualTo(5);
        assertThat(missingFile.err()).contains("no such file");
        assertThat(CliRun.of("audit", "--input", csv.toString()).exitCode()).isEqualTo(2);
    }
}
