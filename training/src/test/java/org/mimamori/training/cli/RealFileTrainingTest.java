package org.mimamori.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.Case;
import org.mimamori.model.scoring.Contribution;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.scoring.Warnings;
import org.mimamori.model.value.Value;

/**
 * Training on a municipality's export as it is: extra name, date, free-text and id columns, an open-ended count, a
 * coded category with labels and households. The schema of the data items only needs lines of role ignore and
 * group added; neither the file nor the code changes.
 */
class RealFileTrainingTest {

    @TempDir
    static Path dir;

    static Path export;
    static Path itemsOnly;
    static Path withExportColumns;
    static int households;

    @BeforeAll
    static void writeFiles() throws Exception {
        itemsOnly = copy("credit.yaml");
        withExportColumns = copy("credit-with-export-columns.yaml");
        export = dir.resolve("export.csv");
        households = writeExport(export, 3000, 11);
    }

    private static Path copy(String resource) throws Exception {
        Path p = dir.resolve(resource);
        Files.copy(RealFileTrainingTest.class.getResourceAsStream("/real-file/" + resource), p);
        return p;
    }

    @Test
    void theSchemaOnlyAddsIgnoreAndGroupLines() throws Exception {
        List<String> base = items(itemsOnly);
        List<String> added = new ArrayList<>(items(withExportColumns));
        assertThat(added).containsAll(base);
        added.removeAll(base);
        assertThat(added).isNotEmpty().allMatch(l -> l.contains("role: ignore") || l.contains("role: group"));
    }

    private static List<String> items(Path schema) throws Exception {
        return Files.readAllLines(schema).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void theItemsOnlySchemaRefusesTheExportNamingTheColumns() {
        CliRun run = CliRun.of("train", "--data", export.toString(), "--schema", itemsOnly.toString(), "--out",
                dir.resolve("refused").toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("train: export.csv: 4 problems");
        assertThat(run.err()).contains("  applicant_name: column is not an item of schema credit-v1")
                .contains("role: ignore");
    }

    @Test
    void trainsOnTheExportAsItIs() throws Exception {
        CliRun run = CliRun.of("train", "--data", export.toString(), "--schema", withExportColumns.toString(),
                "--out", dir.resolve("models").toString(), "--bootstrap", "5", "--no-compare", "--refit-all");
        assertThat(run.exitCode()).as(run.err()).isZero();
        ModelBundle bundle = ModelBundle.read(Path.of(run.lastLine()));
        assertThat(bundle.scorecard().encoder().inputItems()).extracting(i -> i.id())
                .containsExactly("age", "duration_months", "open_loans", "checking");
        for (String entry : List.of("encoder.json", "scorecard.json", "reference.json", "ensemble.json")) {
            String text = new String(bundle.entry(entry).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(text).as(entry).doesNotContain("applicant_name", "applied_on", "household_id", "notes\"");
        }
        String everything = new String(bundle.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(everything).doesNotContain("Sato", "H000", "2023-");

        JsonNode manifest = new ObjectMapper().readTree(bundle.entry("manifest.json").orElseThrow());
        assertThat(manifest.at("/lineage/group_item").asText()).isEqualTo("household_id");
        assertThat(manifest.at("/lineage/groups_with_known_label").asInt()).isEqualTo(households);
        assertThat(manifest.at("/lineage/final_fit").asText()).isEqualTo("all_labelled_rows");
        assertThat(manifest.at("/lineage/rows_final_fit").asInt()).isEqualTo(3000);
        assertThat(manifest.at("/settings/refit_all").asBoolean()).isTrue();
        assertThat(bundle.reference().cases()).as("reference statistics of the final fit").isEqualTo(3000);

        String card = new String(bundle.entry("model-card.md").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(card).contains("below zero (A11)").contains("refitted on all 3000 labelled cases")
                .contains("the cases of one household_id are always on the same side");

        // An open-ended count takes values far beyond any seen; the explanation shows category labels.
        Case c = Case.resolve(bundle.schema(), Map.of("age", Value.of(30), "duration_months", Value.of(12),
                "open_loans", Value.of(10_000), "checking", Value.category("A11")));
        ExplainedScore s = bundle.scorer().score(c);
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo(Warnings.OUTSIDE_TRAINING_RANGE));
        Contribution checking = s.contributions().stream().filter(x -> x.item().id().equals("checking")).findFirst()
                .orElseThrow();
        assertThat(checking.state()).isEqualTo("below zero (A11)");
        assertThat(checking.state(Locale.JAPANESE)).isEqualTo("マイナス (A11)");
    }

    /** An export with the columns an office's system writes; returns the number of households. */
    private static int writeExport(Path file, int n, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String[] names = {"Sato, Hanako", "Suzuki \"Ken\"", "Takahashi Yui", "山田 太郎"};
        String[] checking = {"A11", "A12", "A13", "A14"};
        int household = 0;
        int left = 0;
        double householdRisk = 0;
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("case_no,applicant_name,applied_on,household_id,age,duration_months,open_loans,checking,"
                    + "notes,region,defaulted\n");
            for (int i = 0; i < n; i++) {
                if (left == 0) {
                    household++;
                    left = r.nextInt(1, 5);
                    householdRisk = r.nextGaussian();
                }
                left--;
                int age = r.nextInt(18, 80);
                int duration = r.nextInt(1, 73);
                int loans = r.nextInt(10) == 0 ? r.nextInt(5, 400) : r.nextInt(0, 4);
                String account = checking[r.nextInt(4)];
                double logit = -1.5 + 0.03 * duration - 0.02 * (age - 40) + 0.3 * Math.min(loans, 10)
                        + (account.equals("A11") ? 1.0 : account.equals("A14") ? -0.8 : 0) + 0.8 * householdRisk;
                boolean defaulted = r.nextDouble() < 1 / (1 + Math.exp(-logit));
                String note = r.nextInt(3) == 0 ? "\"called twice, \"\"urgent\"\"\nsee file\"" : "none";
                w.write(String.join(",", String.format(Locale.ROOT, "K%05d", i),
                        "\"" + names[r.nextInt(names.length)].replace("\"", "\"\"") + "\"",
                        String.format(Locale.ROOT, "2023-%02d-%02d", r.nextInt(1, 13), r.nextInt(1, 29)),
                        String.format(Locale.ROOT, "H%05d", household), Integer.toString(age),
                        Integer.toString(duration), Integer.toString(loans), account, note,
                        r.nextBoolean() ? "north" : "south", defaulted ? "1" : "0"));
                w.write('\n');
            }
        }
        return household;
    }
}
