package org.mimamori.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mimamori.model.bundle.ModelBundle;

/** The same data, schema, settings and seed give the same bundle, byte for byte, and so the same version. */
class ReproducibleBundleTest {

    @TempDir
    Path dir;

    private Path train(String out, String... more) {
        String[] args = {"train", "--data", dir.resolve("town/cases.csv").toString(), "--out",
                dir.resolve(out).toString(), "--bootstrap", "5"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Path.of(run.lastLine());
    }

    @Test
    void twoTrainingRunsGiveIdenticalBundles() throws Exception {
        assertThat(CliRun.of("synth", "--children", "3000", "--seed", "3", "--out", dir.resolve("town").toString())
                .exitCode()).isZero();
        Path first = train("a");
        Path second = train("b");
        assertThat(second.getFileName()).isEqualTo(first.getFileName());
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

        ModelBundle bundle = ModelBundle.read(first);
        String provenance = new String(bundle.entry("provenance.json").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(provenance).contains("\"trained-at\" : \"2000-01-01T00:00Z\"")
                .doesNotContain(System.getProperty("java.version"));
        String manifest = new String(bundle.entry("manifest.json").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(manifest).doesNotContain("trained_at").contains("\"final_fit\" : \"training_split\"");

        Path dated = train("c", "--trained-at", "2025-04-01");
        assertThat(dated.getFileName()).isNotEqualTo(first.getFileName());
        assertThat(new String(ModelBundle.read(dated).entry("manifest.json").orElseThrow(), StandardCharsets.UTF_8))
                .contains("\"trained_at\" : \"2025-04-01\"");
        assertThat(train("d", "--trained-at", "2025-04-01").getFileName()).isEqualTo(dated.getFileName());

        // The comparison models on a random subsample (above --compare-rows training cases): the same bytes again.
        Path subsampled = train("e", "--compare-rows", "1000");
        assertThat(subsampled.getFileName()).isNotEqualTo(first.getFileName());
        assertThat(Files.readAllBytes(train("f", "--compare-rows", "1000"))).isEqualTo(Files.readAllBytes(subsampled));
        assertThat(new String(ModelBundle.read(subsampled).entry("metrics.json").orElseThrow(), StandardCharsets.UTF_8))
                .contains("\"subsampled\" : true").contains("\"training_rows\" : 1000");
    }
}
