package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.metrics.Roc;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;

/**
 * The models fitted for comparison only, so that the price of interpretability is measured, not assumed: a
 * plain logistic regression on raw (standardised) values and gradient-boosted trees (XGBoost), both on the
 * same training split (or, above {@link TrainingSettings#compareRows()} training cases, on one random subsample of
 * it of that size, the same for both) and scored on the whole holdout, like the scorecard.
 *
 * @param plainLogisticAuc  holdout AUC of the plain logistic regression
 * @param xgboostAuc        holdout AUC of XGBoost
 * @param plainLogisticCost the regularisation used for the plain logistic regression
 * @param xgboostTrees      number of trees
 * @param trainingRows      the training cases both comparison models were fitted on
 * @param subsampled        whether those are a random subsample of the training split (else: all of it)
 */
public record Comparison(double plainLogisticAuc, double xgboostAuc, double plainLogisticCost, int xgboostTrees,
                         int trainingRows, boolean subsampled) {

    static final int TREES = 200;
    /** XGBoost threads: fixed, so that the comparison gives the same numbers on machines with any number of cores. */
    static final int THREADS = 2;
    /** Added to the run's seed for the subsample's draws (the holdout split uses the seed, bootstrap seed + 1). */
    static final long SUBSAMPLE_SEED_OFFSET = 2;

    static Comparison run(List<Case> train, List<Case> holdout, boolean[] holdoutLabels, double cost,
                          TrainingSettings settings, Progress progress) {
        int[] rows = subsample(train.size(), settings.compareRows(), settings.seed() + SUBSAMPLE_SEED_OFFSET);
        boolean subsampled = rows.length < train.size();
        List<Case> fitted = train;
        if (subsampled) {
            fitted = new ArrayList<>(rows.length);
            for (int r : rows) {
                fitted.add(train.get(r));
            }
        }
        CaseEncoder raw = CaseEncoder.fit(fitted.get(0).schema(), fitted, EncodingStyle.RAW, BinSettings.DEFAULT);
        TrainingData data = new TrainingData(raw, raw.encodeAll(fitted), TrainingPipeline.labels(fitted),
                subsampled ? "training split, raw values, random subsample of " + rows.length
                        : "training split, raw values");
        progress.step("comparison models", 0, 2);
        LinearFit plain = data.fit(data.all(), cost);
        double[] plainScores = holdout.stream().map(raw::encode).mapToDouble(plain::logit).toArray();
        progress.step("comparison models", 1, 2);

        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                XGBoostTrainer.TreeMethod.HIST, TREES, 0.1, 0, 4, 1, 0.8, 0.8, 1, 0,
                THREADS, XGBoostTrainer.LoggingVerbosity.SILENT, settings.seed());
        Model<Label> xgb = trainer.train(data.all());
        // One batch: Tribuo's XGBoost builds a native matrix per predict call.
        List<Example<Label>> holdoutExamples = holdout.stream()
                .map(c -> TribuoData.example(raw, c, TribuoData.NEGATIVE)).toList();
        double[] xgbScores = xgb.predict(holdoutExamples).stream()
                .mapToDouble(p -> p.getOutputScores().get(TribuoData.POSITIVE.getLabel()).getScore()).toArray();
        progress.step("comparison models", 2, 2);
        return new Comparison(Roc.auc(plainScores, holdoutLabels), Roc.auc(xgbScores, holdoutLabels), cost, TREES,
                rows.length, subsampled);
    }

    /**
     * The rows of a simple random sample of {@code max} of {@code n} rows without replacement, ascending (all rows
     * when {@code n <= max}): the first {@code max} places of a Fisher–Yates shuffle drawn from the seed, so the same
     * {@code n}, {@code max} and seed always give the same rows.
     */
    static int[] subsample(int n, int max, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= max) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, max);
        Arrays.sort(chosen);
        return chosen;
    }
}
