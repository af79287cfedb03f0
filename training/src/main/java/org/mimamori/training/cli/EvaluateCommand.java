package org.mimamori.training.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.Case;
import org.mimamori.model.metrics.BandStats;
import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.metrics.MetricsJson;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.training.pipeline.BundleEvaluation;
import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: a bundle on any labelled CSV. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates a model bundle on labelled cases: AUC with a bootstrap 95%% interval, PR-AUC, "
                + "Brier score, expected calibration error, a calibration table and per-band rates.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", required = true, description = "The model bundle (zip).")
    Path bundle;

    @Option(names = "--data", required = true, description = "Labelled cases (CSV) in the bundle's schema.")
    Path data;

    @Option(names = "--bands", description = "Other band lower bounds to report, e.g. 0,0.1,0.3 (default: the bundle's).")
    String bands;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the bootstrap interval (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--scores-out", description = "Also write each case's probability, band, label and audit "
            + "groups to this CSV file (the input of 'audit').")
    Path scoresOut;

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        ScoreBands scoreBands = null;
        try {
            scoreBands = bands == null ? null : ScoreBands.parse(bands);
        } catch (IllegalArgumentException e) {
            throw new CommandProblem(ExitCode.USAGE, "--bands: " + e.getMessage());
        }
        ModelBundle b = ModelBundle.read(bundle);
        List<Case> cases = DataFiles.read(b.schema(), data, err).cases();
        scoreBands = scoreBands == null ? b.bands() : scoreBands;
        Evaluation e = BundleEvaluation.evaluate(b, cases, scoreBands, seed);
        if (scoresOut != null) {
            try (var file = java.nio.file.Files.newBufferedWriter(scoresOut)) {
                BundleEvaluation.writeScores(b, cases, scoreBands, file);
            }
            err.println("scores written to " + scoresOut);
        }
        if (json) {
            out.println(MetricsJson.mapper().writeValueAsString(e));
            return 0;
        }
        out.println(String.format(Locale.ROOT, "model %s on %s: %d labelled cases, %d positive",
                b.version(), data.getFileName(), e.n(), e.positives()));
        out.println(String.format(Locale.ROOT, "AUC %.3f (95%% CI %.3f–%.3f)  PR-AUC %.3f  Brier %.4f  ECE %.4f",
                e.auc(), e.aucCi()[0], e.aucCi()[1], e.prAuc(), e.brier(), e.ece()));
        out.println();
        out.println("calibration (equal-mass bins): n, mean predicted, observed");
        e.calibration().bins().forEach(bin -> out.println(String.format(Locale.ROOT, "  %6d  %.3f  %.3f",
                bin.n(), bin.meanPredicted(), bin.observedRate())));
        out.println();
        out.println("bands (flagging from this band up): n, observed rate, selection rate, TPR, FPR, PPV, NPV");
        for (BandStats s : e.bands()) {
            out.println(String.format(Locale.ROOT, "  %-10s ≥%.2f  %6d  %.3f  %.3f  %.3f  %.3f  %.3f  %.3f",
                    s.id(), s.lower(), s.n(), s.observedRate(), s.selectionRate(), s.tpr(), s.fpr(), s.ppv(), s.npv()));
        }
        return 0;
    }
}
