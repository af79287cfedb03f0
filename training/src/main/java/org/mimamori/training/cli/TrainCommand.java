package org.mimamori.training.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.card.CardTemplate;
import org.mimamori.training.card.ModelCard;
import org.mimamori.training.pipeline.BundleAssembly;
import org.mimamori.training.pipeline.Hashes;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingPipeline;
import org.mimamori.training.pipeline.TrainingSettings;
import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: schema + labelled CSV → a model bundle, its path printed last. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the interpretable scorecard on labelled past cases and writes a model bundle "
                + "(one zip named by its content hash) into --out. Prints the bundle's path last.",
                "Also fits a plain logistic regression and XGBoost for comparison only. The same data, schema, "
                + "settings and seed give the same bundle, byte for byte."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Labelled cases (CSV, one column per item).")
    Path data;

    @Option(names = "--schema", description = "Feature schema YAML (default: the built-in child-support-v1). The model "
            + "card's domain sentences are read from S.card.yaml beside S.yaml, else generic ones are used.")
    Path schema;

    @Option(names = "--out", required = true, description = "Folder to write the bundle into.")
    Path out;

    @Option(names = "--bootstrap", defaultValue = "30", description = "Bootstrap refits for intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--calibration", defaultValue = "platt", description = "platt or isotonic (default: ${DEFAULT-VALUE}).")
    String calibration;

    @Option(names = "--bands", defaultValue = ScoreBands.DEFAULT_THRESHOLDS,
            description = "Lower bounds of the score bands on the calibrated probability (default: ${DEFAULT-VALUE}).")
    String bands;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-compare", description = "Skip the comparison models (plain logistic regression, XGBoost).")
    boolean noCompare;

    @Option(names = "--compare-rows", paramLabel = "N", defaultValue = "" + TrainingSettings.DEFAULT_COMPARE_ROWS,
            description = "Fit the comparison models on at most N training cases: above N, on a random subsample of N "
            + "(the same for both models; the metrics and the model card say so). The scorecard always uses every "
            + "training case (default: ${DEFAULT-VALUE}).")
    int compareRows;

    @Option(names = "--outreach-from", paramLabel = "P", description = "Bands starting at or above this probability "
            + "are flagged for outreach (deciding not to act on them needs a reason). Default: the top 40%% of the "
            + "bands.")
    Double outreachFrom;

    @Option(names = "--routine-below", paramLabel = "P", description = "Bands ending at or below this probability are "
            + "routine (deciding to reach out needs a reason). Default: the bottom 40%% of the bands.")
    Double routineBelow;

    @Option(names = "--unusual-share", defaultValue = "0.01", description = "The share of held-out cases on which "
            + "the 'unlike the training data' warning is fitted to fire (default ${DEFAULT-VALUE}).")
    double unusualShare;

    @Option(names = "--refit-all", description = "After the holdout evaluation, refit the model (calibration and "
            + "bootstrap refits too) on all labelled rows with the regularisation chosen on the training split.")
    boolean refitAll;

    @Option(names = "--trained-at", paramLabel = "DATE", description = "A date (YYYY-MM-DD) to record as the training "
            + "date in the manifest and model card. Left out, the bundle holds no date, so the same data, schema and "
            + "settings always give the same bundle.")
    LocalDate trainedAt;

    /** The bands with the review meanings asked for; the defaults where neither option is given. */
    private ScoreBands reviewed(ScoreBands parsed) {
        if (outreachFrom == null && routineBelow == null) {
            return parsed;
        }
        double[] t = parsed.thresholds();
        double top = t.length > 1 ? t[t.length - 1] : 1.0;
        return parsed.withReviews(outreachFrom == null ? top : outreachFrom, routineBelow == null ? 0 : routineBelow);
    }

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        TrainingSettings settings;
        try {
            settings = TrainingSettings.defaults().withBootstrap(bootstrap).withCalibration(calibration)
                    .withBands(reviewed(ScoreBands.parse(bands))).withSeed(seed).withCompare(!noCompare).withCompareRows(compareRows)
                    .withRefitAll(refitAll)
                    .withUnusualShare(unusualShare);
        } catch (IllegalArgumentException e) {
            throw new CommandProblem(ExitCode.USAGE, e.getMessage());
        }
        FeatureSchema s = SchemaLoader.loadOrDefault(schema);
        // The file's digest is computed on another core while the cases are read.
        CompletableFuture<String> digest = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return Hashes.sha256(data);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        CaseCsv.Read read = DataFiles.read(s, data, err);
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("input_file", data.getFileName().toString());
        lineage.put("input_sha256", inputDigest(digest));
        lineage.put("schema_sha256", Hashes.sha256(s.yaml()));
        lineage.put("columns_missing", read.missingColumns());
        if (trainedAt != null) {
            lineage.put("trained_at", trainedAt.toString());
        }
        TrainedModel model = new TrainingPipeline(settings, ConsoleProgress.on(err))
                .train(s, read.cases(), lineage);
        ModelBundle bundle = BundleAssembly.assemble(model, ModelCard.files(model, CardTemplate.forSchema(s, schema)));
        Path file = bundle.writeTo(out);
        Summary.print(model.report(), err);
        stdout.println(file.toAbsolutePath());
        return 0;
    }

    private static String inputDigest(CompletableFuture<String> digest) throws IOException {
        try {
            return digest.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }
}
