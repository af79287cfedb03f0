package org.mimamori.training.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.synth.MissingRates;
import org.mimamori.training.synth.Shift;
import org.mimamori.training.synth.SynthConfig;
import org.mimamori.training.synth.SynthWriter;
import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synth}: writes a synthetic municipality with a known truth (see {@code docs/data.md}). Real child data
 * is never used in development; this is what every later claim is tested on.
 */
@Command(name = "synth",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a synthetic municipality with a known truth: cases.csv (cases with labels and audit groups),",
            "truth.csv (true needs and assessments), planted_effects.csv (what each model input reveals),",
            "synth.json (the configuration) and, with --cohort, cohort.csv and cohort_truth.csv.",
            "The same options always write the same bytes."})
public final class SynthCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--children", defaultValue = "100000", paramLabel = "N",
            description = "Children in the labelled population (default: ${DEFAULT-VALUE}).")
    private int children;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the files into.")
    private Path out;

    @Option(names = "--cohort", defaultValue = "0", paramLabel = "N",
            description = "Further unlabelled children from the same process, on an independent stream "
                    + "(default: ${DEFAULT-VALUE}).")
    private int cohort;

    @Option(names = "--surveillance-bias", defaultValue = "" + SynthConfig.DEFAULT_SURVEILLANCE_BIAS, paramLabel = "X",
            description = "Odds multiplier of being assessed when the family is already known to services; "
                    + "1 = no bias (default: ${DEFAULT-VALUE}).")
    private double surveillanceBias;

    @Option(names = "--missing-rate", paramLabel = "KEY=RATE",
            description = "Share of recorded model inputs written as unknown. KEY is 'core' (default 0.01), "
                    + "'optional' (default 0.08) or a department (an item's source, e.g. welfare), whose "
                    + "optional items then use RATE. Repeatable.")
    private Map<String, Double> missingRates = new LinkedHashMap<>();

    @Option(names = "--shift", paramLabel = "ITEM=FACTOR",
            description = "A drifted municipality: multiply the recorded values of ITEM by FACTOR (numbers; "
                    + "for yes/no items the share of yes moves; see docs/data.md). Repeatable.")
    private Map<String, Double> shifts = new LinkedHashMap<>();

    @Option(names = "--missing-source", paramLabel = "DEPARTMENT",
            description = "A drifted municipality: every item from DEPARTMENT (an item's source, e.g. childcare) "
                    + "is written as unknown, as if its data link broke. Repeatable.")
    private java.util.List<String> missingSources = new java.util.ArrayList<>();

    @Option(names = "--schema", paramLabel = "S.yaml",
            description = "Feature schema deciding the columns (default: the built-in child-support-v1).")
    private Path schema;

    @Override
    public Integer call() throws Exception {
        SynthConfig config;
        FeatureSchema s = SchemaLoader.loadOrDefault(schema);
        try {
            Shift shift = new Shift(shifts, new java.util.TreeSet<>(missingSources));
            shift.checkAgainst(s);
            config = new SynthConfig(children, seed, cohort, surveillanceBias, SynthConfig.DEFAULT_SENSITIVITY,
                    MissingRates.DEFAULT.with(missingRates), shift);
        } catch (IllegalArgumentException e) {
            throw new CommandProblem(ExitCode.USAGE, e.getMessage());
        }
        long start = System.nanoTime();
        SynthWriter.Summary summary = SynthWriter.write(config, s, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Wrote %d children in %d households (schema %s, seed %d) to %s in %.1f s.%n",
                summary.children(), summary.households(), s.id(), seed, out, seconds);
        o.printf(Locale.ROOT, "True need %.1f%%, confirmed need (label) %.1f%%.%n", 100 * summary.trueNeedShare(),
                100 * summary.confirmedShare());
        if (summary.cohort() > 0) {
            o.printf(Locale.ROOT, "Cohort: %d unlabelled children.%n", summary.cohort());
        }
        if (!summary.unmodelled().isEmpty()) {
            o.println("Written as unknown (the generator has no model for them): "
                    + String.join(", ", summary.unmodelled()));
        }
        summary.files().forEach(f -> o.println("  " + f));
        o.flush();
        return 0;
    }
}
