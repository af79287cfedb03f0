package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.calibration.IsotonicCalibrator;
import org.mimamori.model.calibration.PlattCalibrator;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.metrics.CalibrationTable;
import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.BootstrapEnsemble;
import org.mimamori.model.scoring.Scorecard;
import org.mimamori.model.scoring.TrainingReference;
import org.mimamori.model.scoring.UnusualCaseCheck;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * Trains the production scorecard on labelled cases: a stratified holdout split, quantile bins learned on
 * the training split, the regularisation chosen by cross-validation, a calibration map fitted on the
 * out-of-fold logits, a bootstrap ensemble for intervals, the comparison models, and an honest evaluation
 * and fairness audit on the holdout. The result is assembled into a bundle by {@link BundleAssembly}.
 */
public final class TrainingPipeline {

    private final TrainingSettings settings;
    private final Progress progress;

    /** A pipeline with the given settings, reporting progress. */
    public TrainingPipeline(TrainingSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Trains on cases (those whose label is unknown are left out and counted in the lineage).
     *
     * @param schema  the schema the cases follow
     * @param cases   the cases read from the training file
     * @param lineage what is known of the data so far (input file, its hash, rows read); extended here
     */
    public TrainedModel train(FeatureSchema schema, List<Case> cases, Map<String, Object> lineage)
            throws InterruptedException {
        String label = schema.labelItem().id();
        List<Case> labelled = cases.stream().filter(c -> c.get(label).isKnown()).toList();
        if (labelled.size() < 100) {
            throw new IllegalArgumentException("only " + labelled.size() + " cases have a known label ("
                    + label + "); at least 100 are needed to train");
        }
        boolean[] allLabels = labels(labelled);
        int[] split = Folds.assign(allLabels, (int) Math.round(1 / settings.holdoutShare()), settings.seed());
        List<Case> train = new ArrayList<>();
        List<Case> holdout = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            (split[i] == 0 ? holdout : train).add(labelled.get(i));
        }
        Map<String, Object> fullLineage = new LinkedHashMap<>(lineage);
        fullLineage.put("rows_read", cases.size());
        fullLineage.put("rows_with_known_label", labelled.size());
        fullLineage.put("rows_training_split", train.size());
        fullLineage.put("rows_holdout_split", holdout.size());
        boolean[] y = labels(train);
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        if (positives < 10 || positives > y.length - 10) {
            throw new IllegalArgumentException("the training split has " + positives + " positive and "
                    + (y.length - positives) + " negative cases; both classes need at least 10");
        }

        progress.step("encoding", 0, 1);
        CaseEncoder encoder = CaseEncoder.fit(schema, train, EncodingStyle.SCORECARD, settings.bins());
        List<EncodedCase> encoded = train.stream().map(encoder::encode).toList();
        List<Example<Label>> examples = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            examples.add(TribuoData.example(encoder, train.get(i), y[i] ? TribuoData.POSITIVE : TribuoData.NEGATIVE));
        }
        TrainingData data = new TrainingData(examples, "training split");
        progress.step("encoding", 1, 1);

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            RegularisationSearch search = RegularisationSearch.run(encoder, data, encoded, y, settings.costs(),
                    settings.folds(), settings.seed(), pool, progress);
            Calibrator calibrator = settings.calibration().equals("isotonic")
                    ? IsotonicCalibrator.fit(search.outOfFoldLogits(), y)
                    : PlattCalibrator.fit(search.outOfFoldLogits(), y);

            Future<LinearFit> finalFit = pool.submit(() -> LinearFit.fit(encoder, data.all(), search.chosenCost()));
            List<Future<LinearFit>> members = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(settings.seed() + 1);
            for (int b = 0; b < settings.bootstrap(); b++) {
                var view = data.rows(Folds.resample(train.size(), random), "bootstrap " + b);
                members.add(pool.submit(() -> LinearFit.fit(encoder, view, search.chosenCost())));
            }
            LinearFit fit = RegularisationSearch.get(finalFit);
            Scorecard scorecard = Scorecard.centred(encoder, fit.weights(), fit.bias(), encoded);
            List<double[]> weights = new ArrayList<>();
            double[] biases = new double[members.size()];
            for (int b = 0; b < members.size(); b++) {
                LinearFit m = RegularisationSearch.get(members.get(b));
                weights.add(m.weights());
                biases[b] = m.bias();
                progress.step("bootstrap", b + 1, members.size());
            }
            BootstrapEnsemble ensemble = new BootstrapEnsemble(weights, biases);

            progress.step("evaluation", 0, 1);
            boolean[] holdoutLabels = labels(holdout);
            List<EncodedCase> holdoutEncoded = holdout.stream().map(encoder::encode).toList();
            double[] holdoutLogits = holdoutEncoded.stream().mapToDouble(scorecard::logit).toArray();
            double[] rawP = new double[holdoutLogits.length];
            double[] p = new double[holdoutLogits.length];
            for (int i = 0; i < p.length; i++) {
                rawP[i] = 1 / (1 + Math.exp(-holdoutLogits[i]));
                p[i] = calibrator.probability(holdoutLogits[i]);
            }
            Evaluation evaluation = Evaluation.of(p, holdoutLabels, settings.bands(), settings.seed());
            Comparison comparison = settings.compare()
                    ? Comparison.run(train, holdout, holdoutLabels, search.chosenCost(), settings.seed(), progress)
                    : null;
            HoldoutAudit audit = HoldoutAudit.of(schema, holdout, p, holdoutLabels, settings.bands());
            Map<String, Double> cv = new LinkedHashMap<>();
            search.logLossByCost().forEach((c, l) -> cv.put(Double.toString(c), l));
            TrainingReport report = new TrainingReport(schema.id(), train.size(), holdout.size(), search.chosenCost(),
                    cv, calibrator.kind(), CalibrationTable.ece(rawP, holdoutLabels), evaluation,
                    ScoreHistogram.of(p, holdoutLabels, ScoreHistogram.BINS), comparison,
                    audit.threshold(), audit.fairness(), audit.unmarked(),
                    Importance.of(scorecard, encoded, schema), fullLineage);
            progress.step("evaluation", 1, 1);
            return new TrainedModel(scorecard, fit.model(), calibrator, ensemble,
                    TrainingReference.of(encoder, train).withUnusualFittedOn(holdoutEncoded,
                            UnusualCaseCheck.DEFAULT_SHARE), settings, report);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean[] labels(List<Case> cases) {
        boolean[] y = new boolean[cases.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = TribuoData.isPositive(cases.get(i));
        }
        return y;
    }
}
