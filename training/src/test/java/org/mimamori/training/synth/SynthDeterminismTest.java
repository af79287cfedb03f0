package org.mimamori.training.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mimamori.model.data.CsvTable;
import org.mimamori.training.cli.MimamoriTraining;
import picocli.CommandLine;

/** {@code synth} writes the same bytes for the same options, and other bytes for another seed. */
class SynthDeterminismTest {

    private static final List<String> FILES = List.of(SynthWriter.CASES, SynthWriter.TRUTH, SynthWriter.PLANTED,
            SynthWriter.COHORT, SynthWriter.COHORT_TRUTH, SynthWriter.CONFIG);

    @TempDir
    Path tmp;

    private int synth(Path out, String... options) {
        CommandLine cli = MimamoriTraining.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new java.util.ArrayList<>(List.of("synth", "--out", out.toString()));
        args.addAll(List.of(options));
        return cli.execute(args.toArray(new String[0]));
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        String[] options = {"--children", "3000", "--seed", "7", "--cohort", "500"};
        assertThat(synth(tmp.resolve("a"), options)).isZero();
        assertThat(synth(tmp.resolve("b"), options)).isZero();
        assertThat(synth(tmp.resolve("c"), "--children", "3000", "--seed", "8", "--cohort", "500")).isZero();
        for (String f : FILES) {
            byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(f));
            assertThat(a).as(f).isNotEmpty();
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f))).as(f).isEqualTo(a);
        }
        for (String f : List.of(SynthWriter.CASES, SynthWriter.TRUTH, SynthWriter.COHORT)) {
            assertThat(Files.readAllBytes(tmp.resolve("c").resolve(f))).as(f)
                    .isNotEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
        }
        assertThat(Files.readString(tmp.resolve("a").resolve(SynthWriter.CONFIG)))
                .contains("\"seed\" : 7", "\"children\" : 3000", "\"surveillance_bias\" : 3.0")
                .doesNotContainPattern("20\\d\\d-\\d\\d");   // no dates
    }

    @Test
    void theCohortIsAnIndependentUnlabelledDrawFromTheSameProcess() throws IOException {
        assertThat(synth(tmp, "--children", "3000", "--seed", "7", "--cohort", "1000")).isZero();
        CsvTable cases = CsvTable.read(tmp.resolve(SynthWriter.CASES));
        CsvTable cohort = CsvTable.read(tmp.resolve(SynthWriter.COHORT));
        CsvTable cohortTruth = CsvTable.read(tmp.resolve(SynthWriter.COHORT_TRUTH));
        // A cohort holds only what may be sent for scoring: no label, no analysis-only items, nothing derived.
        assertThat(cohort.header()).isSubsetOf(cases.header()).contains("child_ref", "age_years")
                .doesNotContain("need_confirmed_12m", "need_type_poverty", "need_type_abuse", "academic_percentile");
        assertThat(cohort.rows()).hasSize(1000);
        assertThat(cohortTruth.rows()).hasSize(1000);
        int label = cases.column("need_confirmed_12m");
        assertThat(cases.rows()).allSatisfy(r -> assertThat(r[label]).isIn("0", "1"));

        Set<String> refs = new HashSet<>();
        cases.rows().forEach(r -> refs.add(r[0]));
        cohort.rows().forEach(r -> refs.add(r[0]));
        assertThat(refs).hasSize(4000).allMatch(ref -> ref.matches("C\\d{7}[0-9a-f]{3}"));
        // Same process: true need is about as common in the cohort.
        int need = cohortTruth.column("true_need");
        long inNeed = cohortTruth.rows().stream().filter(r -> r[need].equals("1")).count();
        assertThat(inNeed / 1000.0).isBetween(0.12, 0.24);
    }

    @Test
    void badOptionsAreRefusedWithAMessage() {
        assertThat(synth(tmp, "--children", "100", "--missing-rate", "welfare=1.5")).isEqualTo(2);
        assertThat(synth(tmp, "--children", "100", "--surveillance-bias", "0")).isEqualTo(2);
        assertThat(synth(tmp, "--children", "0")).isEqualTo(2);
    }
}
