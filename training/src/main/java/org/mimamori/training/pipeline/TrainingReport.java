package org.mimamori.training.pipeline;

import java.util.List;
import java.util.Map;

import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.metrics.FairnessReport;

/**
 * What a training run found, stored in the bundle as {@code metrics.json} and shown in the model card. Every
 * number comes from this run on the data named in {@code lineage}.
 *
 * @param schema              the schema id
 * @param trainingCases       cases in the training split
 * @param holdoutCases        cases in the holdout split
 * @param chosenCost          the regularisation chosen by cross-validation
 * @param crossValidationLogLoss mean out-of-fold log-loss per cost tried
 * @param calibration         the calibration kind
 * @param eceBeforeCalibration holdout ECE of the raw logistic output
 * @param holdout             the holdout evaluation of the calibrated scorecard
 * @param scoreHistogram      the calibrated holdout probabilities by label, in {@value ScoreHistogram#BINS} bins
 * @param comparison          the comparison models' holdout AUCs (null when not fitted)
 * @param fairnessThreshold   the probability at or above which a case counts as flagged in the audit
 * @param fairness            the holdout fairness audit by audit group
 * @param unmarked            flagged holdout cases and how many were not already supported
 * @param itemImportance      items by importance, largest first
 * @param lineage             input files and row counts after each step
 */
public record TrainingReport(String schema, int trainingCases, int holdoutCases, double chosenCost,
                             Map<String, Double> crossValidationLogLoss, String calibration,
                             double eceBeforeCalibration, Evaluation holdout, ScoreHistogram scoreHistogram,
                             Comparison comparison,
                             double fairnessThreshold, FairnessReport fairness, Unmarked unmarked,
                             List<ItemImportance> itemImportance, Map<String, Object> lineage) {

    /** The holdout AUC lost by using the scorecard instead of XGBoost (negative when the scorecard is better). */
    public double priceOfInterpretability() {
        return comparison == null ? Double.NaN : comparison.xgboostAuc() - holdout.auc();
    }

    /**
     * Of the holdout cases flagged at the fairness threshold, how many were not already supported: the value
     * of screening is in finding children nobody knew.
     *
     * @param flagged            flagged cases
     * @param notAlreadySupported flagged cases not on a support list (or with that unknown)
     */
    public record Unmarked(int flagged, int notAlreadySupported) {

        /** The share of flagged cases not already supported. */
        public double share() {
            return flagged == 0 ? Double.NaN : (double) notAlreadySupported / flagged;
        }
    }
}
