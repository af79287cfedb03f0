package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.metrics.CalibrationTable;
import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.Scorecard;

/**
 * Trains the production scorecard on labelled cases: a stratified holdout split that keeps groups (households)
 * together, the {@linkplain ScorecardFit scorecard fitted} on the training split, the comparison models, and an
 * honest evaluation and fairness audit on the holdout; with {@link TrainingSettings#refitAll()} the scorecard,
 * its calibration and its ensemble are then refitted on all labelled rows (with the cost chosen on the split).
 * The result is assembled into a bundle by {@link BundleAssembly}.
 */
public final class TrainingPipeline {

    /** The lineage's {@code final_fit} when the bundled model was fitted on the training split. */
    public static final String FINAL_FIT_SPLIT = "training_split";
    /** The lineage's {@code final_fit} when the bundled model was refitted on all labelled rows. */
    public static final String FINAL_FIT_ALL = "all_labelled_rows";

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
        Groups groups = Groups.of(schema, labelled);
        int[] split = Folds.assign(labels(labelled), groups, (int) Math.round(1 / settings.holdoutShare()),
                settings.seed());
        int[] trainRows = Folds.rows(split, 0, false);
        List<Case> train = new ArrayList<>(trainRows.length);
        List<Case> holdout = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            (split[i] == 0 ? holdout : train).add(labelled.get(i));
        }
        Map<String, Object> fullLineage = new LinkedHashMap<>(lineage);
        fullLineage.put("rows_read", cases.size());
        fullLineage.put("rows_with_known_label", labelled.size());
        fullLineage.put("rows_training_split", train.size());
        fullLineage.put("rows_holdout_split", holdout.size());
        schema.groupItem().ifPresent(g -> {
            fullLineage.put("group_item", g.id());
            fullLineage.put("groups_with_known_label", groups.count());
        });
        fullLineage.put("final_fit", settings.refitAll() ? FINAL_FIT_ALL : FINAL_FIT_SPLIT);
        fullLineage.put("rows_final_fit", settings.refitAll() ? labelled.size() : train.size());
        boolean[] y = labels(train);
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        if (positives < 10 || positives > y.length - 10) {
            throw new IllegalArgumentException("the training split has " + positives + " positive and "
                    + (y.length - positives) + " negative cases; both classes need at least 10");
        }
        boolean[] h = labels(holdout);
        int holdoutPositives = 0;
        for (boolean b : h) {
            holdoutPositives += b ? 1 : 0;
        }
        if (holdoutPositives == 0 || holdoutPositives == h.length) {
            throw new IllegalArgumentException("the holdout split has " + holdoutPositives + " positive and "
                    + (h.length - holdoutPositives) + " negative cases; it needs both"
                    + (schema.groupItem().isPresent() ? " (are the groups of " + schema.groupItem().get().id()
                    + " very large? a group is never split)" : ""));
        }

        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ScorecardFit.Pending pending = ScorecardFit.start(schema, train, groups.subset(trainRows), settings.costs(),
                    settings, pool, progress, "training split");
            RegularisationSearch search = pending.search();
            boolean[] holdoutLabels = labels(holdout);
            // The holdout evaluation and the reference statistics are computed here while the pool runs the last of
            // the bootstrap refits (a core is free then; before, both are busy with the refits). No result depends on
            // what runs when. The comparison models run after the refits: XGBoost's own threads beside the refits'
            // cost more than they save.
            pending.awaitAllBut(threads - 1);
            progress.step("evaluation", 0, 1);
            Scorecard scorecard = pending.scorecard();
            CaseEncoder encoder = pending.encoder();
            double[] holdoutLogits = holdout.stream().map(encoder::encode).mapToDouble(scorecard::logit).toArray();
            double[] rawP = new double[holdoutLogits.length];
            double[] p = new double[holdoutLogits.length];
            for (int i = 0; i < p.length; i++) {
                rawP[i] = 1 / (1 + Math.exp(-holdoutLogits[i]));
                p[i] = pending.calibrator().probability(holdoutLogits[i]);
            }
            Evaluation evaluation = Evaluation.of(p, holdoutLabels, settings.bands(), settings.seed());
            HoldoutAudit audit = HoldoutAudit.of(schema, holdout, p, holdoutLabels, settings.bands());
            progress.step("evaluation", 1, 1);
            pending.reference();
            ScorecardFit fit = pending.finish();
            Comparison comparison = settings.compare()
                    ? Comparison.run(train, holdout, holdoutLabels, search.chosenCost(), settings, progress)
                    : null;
            ScorecardFit bundled = settings.refitAll()
                    ? ScorecardFit.run(schema, labelled, groups, new double[] {search.chosenCost()}, settings, pool,
                            progress, "all labelled rows")
                    : fit;
            Map<String, Double> cv = new LinkedHashMap<>();
            search.logLossByCost().forEach((c, l) -> cv.put(Double.toString(c), l));
            TrainingReport report = new TrainingReport(schema.id(), train.size(), holdout.size(), search.chosenCost(),
                    cv, fit.calibrator().kind(), CalibrationTable.ece(rawP, holdoutLabels), evaluation,
                    ScoreHistogram.of(p, holdoutLabels, ScoreHistogram.BINS), comparison,
                    audit.threshold(), audit.fairness(), audit.unmarked(),
                    Importance.of(bundled.scorecard(), bundled.encoded(), schema), fullLineage);
            // The unusual-case check fires on the configured share of cases the bundled model has not counted.
            List<EncodedCase> heldOut = holdout.stream().map(bundled.encoder()::encode).toList();
            return new TrainedModel(bundled.scorecard(), bundled.fit().model(), bundled.calibrator(),
                    bundled.ensemble(), bundled.reference().withUnusualFittedOn(heldOut, settings.unusualShare()),
                    settings, report);
        } finally {
            pool.shutdownNow();
        }
    }

    static boolean[] labels(List<Case> cases) {
        boolean[] y = new boolean[cases.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = TribuoData.isPositive(cases.get(i));
        }
        return y;
    }
}
