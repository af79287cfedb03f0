package org.mimamori.training.pipeline;

import java.util.List;

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
 * same training split and scored on the same holdout as the scorecard.
 *
 * @param plainLogisticAuc holdout AUC of the plain logistic regression
 * @param xgboostAuc       holdout AUC of XGBoost
 * @param plainLogisticCost the regularisation used for the plain logistic regression
 * @param xgboostTrees     number of trees
 */
public record Comparison(double plainLogisticAuc, double xgboostAuc, double plainLogisticCost, int xgboostTrees) {

    static final int TREES = 200;
    /** XGBoost threads: fixed, so that the comparison gives the same numbers on machines with any number of cores. */
    static final int THREADS = 2;

    static Comparison run(List<Case> train, List<Case> holdout, boolean[] holdoutLabels, double cost, long seed,
                          Progress progress) {
        CaseEncoder raw = CaseEncoder.fit(train.get(0).schema(), train, EncodingStyle.RAW, BinSettings.DEFAULT);
        TrainingData data = new TrainingData(raw, raw.encodeAll(train), TrainingPipeline.labels(train),
                "training split, raw values");
        progress.step("comparison models", 0, 2);
        LinearFit plain = data.fit(data.all(), cost);
        double[] plainScores = holdout.stream().map(raw::encode).mapToDouble(plain::logit).toArray();
        progress.step("comparison models", 1, 2);

        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                XGBoostTrainer.TreeMethod.HIST, TREES, 0.1, 0, 4, 1, 0.8, 0.8, 1, 0,
                THREADS, XGBoostTrainer.LoggingVerbosity.SILENT, seed);
        Model<Label> xgb = trainer.train(data.all());
        // One batch: Tribuo's XGBoost builds a native matrix per predict call.
        List<Example<Label>> holdoutExamples = holdout.stream()
                .map(c -> TribuoData.example(raw, c, TribuoData.NEGATIVE)).toList();
        double[] xgbScores = xgb.predict(holdoutExamples).stream()
                .mapToDouble(p -> p.getOutputScores().get(TribuoData.POSITIVE.getLabel()).getScore()).toArray();
        progress.step("comparison models", 2, 2);
        return new Comparison(Roc.auc(plainScores, holdoutLabels), Roc.auc(xgbScores, holdoutLabels), cost, TREES);
    }
}
