package org.mimamori.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.synth.SynthConfig;
import org.mimamori.training.synth.SynthWriter;

/** Synthetic cohort files, as {@code synth --cohort N} writes them. */
public final class Cohorts {

    private Cohorts() {
    }

    /** A cohort of {@code n} synthetic children (file {@code cohort.csv} in a fresh directory under target/). */
    public static Path cohort(int n, long seed) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "cohorts", n + "-" + seed));
            SynthWriter.write(SynthConfig.of(200, seed).withCohort(n), SchemaLoader.loadDefault(), dir);
            return dir.resolve(SynthWriter.COHORT).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
