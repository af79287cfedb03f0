package org.mimamori.training.pipeline;

import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.scoring.ScoringSettings;
import org.mimamori.model.scoring.UnusualCaseCheck;

/**
 * Everything that shapes a training run; recorded in the bundle's manifest.
 *
 * @param folds         cross-validation folds for choosing the regularisation and fitting calibration
 * @param costs         the inverse regularisation strengths C tried
 * @param bootstrap     bootstrap refits for uncertainty intervals
 * @param holdoutShare  share of labelled cases held out for the honest evaluation
 * @param calibration   {@code platt} or {@code isotonic}
 * @param seed          seed of every random choice
 * @param bins          scorecard binning
 * @param bands         score bands
 * @param scoring       when the scorer warns or withholds
 * @param compare       whether to fit the comparison models (plain logistic regression, XGBoost)
 * @param compareRows   the most training cases the comparison models are fitted on: above it they are fitted on a
 *                      random subsample of this size (stated in the metrics and the model card)
 * @param refitAll      whether to refit the bundled model on all labelled rows after the holdout evaluation
 * @param unusualShare  the share of held-out cases the unusual-case warning is fitted to fire on
 */
public record TrainingSettings(int folds, double[] costs, int bootstrap, double holdoutShare, String calibration,
                               long seed, BinSettings bins, ScoreBands bands, ScoringSettings scoring,
                               boolean compare, int compareRows, boolean refitAll, double unusualShare) {

    /** The default {@link #compareRows()}: comparison models on at most 200,000 training cases. */
    public static final int DEFAULT_COMPARE_ROWS = 200_000;

    /**
     * The defaults: 5 folds, C in {0.003 … 1}, 30 bootstrap refits, 20% holdout, Platt scaling, seed 7, the
     * comparison models on at most {@value #DEFAULT_COMPARE_ROWS} training cases, the unusual-case warning on 1% of
     * held-out cases.
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(5, new double[] {0.003, 0.01, 0.03, 0.1, 0.3, 1.0}, 30, 0.2, "platt", 7,
                BinSettings.DEFAULT, ScoreBands.defaults(), ScoringSettings.DEFAULT, true, DEFAULT_COMPARE_ROWS,
                false, UnusualCaseCheck.DEFAULT_SHARE);
    }

    /** Checks the settings. */
    public TrainingSettings {
        if (folds < 2 || costs.length == 0 || bootstrap < 0 || !(holdoutShare > 0 && holdoutShare < 0.5)) {
            throw new IllegalArgumentException("invalid training settings");
        }
        if (!calibration.equals("platt") && !calibration.equals("isotonic")) {
            throw new IllegalArgumentException("calibration is 'platt' or 'isotonic', not '" + calibration + "'");
        }
        if (!(unusualShare > 0 && unusualShare < 0.5)) {
            throw new IllegalArgumentException("the unusual-case share must lie between 0 and 0.5, not " + unusualShare);
        }
        if (compareRows < 100) {
            throw new IllegalArgumentException("the comparison models need at least 100 training cases, not "
                    + compareRows);
        }
        costs = costs.clone();
    }

    /** The same settings with another share of held-out cases for the unusual-case warning. */
    public TrainingSettings withUnusualShare(double share) {
        return new TrainingSettings(folds, costs, bootstrap, holdoutShare, calibration, seed, bins, bands, scoring,
                compare, compareRows, refitAll, share);
    }

    /** The same settings with another bootstrap size. */
    public TrainingSettings withBootstrap(int b) {
        return new TrainingSettings(folds, costs, b, holdoutShare, calibration,
                seed, bins, bands, scoring, compare, compareRows, refitAll, unusualShare);
    }

    /** The same settings with or without the comparison models. */
    public TrainingSettings withCompare(boolean c) {
        return new TrainingSettings(folds, costs, bootstrap, holdoutShare, calibration,
                seed, bins, bands, scoring, c, compareRows, refitAll, unusualShare);
    }

    /** The same settings with another limit on the comparison models' training cases. */
    public TrainingSettings withCompareRows(int rows) {
        return new TrainingSettings(folds, costs, bootstrap, holdoutShare, calibration,
                seed, bins, bands, scoring, compare, rows, refitAll, unusualShare);
    }

    /** The same settings with another calibration. */
    public TrainingSettings withCalibration(String kind) {
        return new TrainingSettings(folds, costs, bootstrap, holdoutShare, kind,
                seed, bins, bands, scoring, compare, compareRows, refitAll, unusualShare);
    }

    /** The same settings with other bands. */
    public TrainingSettings withBands(ScoreBands b) {
        return new TrainingSettings(folds, costs, bootstrap, holdoutShare, calibration,
                seed, bins, b, scoring, compare, compareRows, refitAll, unusualShare);
    }

    /** The same settings, refitting the bundled model on all labelled rows (or not). */
    public TrainingSettings withRefitAll(boolean r) {
        return new TrainingSettings(folds, costs, bootstrap, holdoutShare, calibration, seed, bins, bands, scoring,
                compare, compareRows, r, unusualShare);
    }

    /** The same settings with another seed. */
    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(folds, costs, bootstrap, holdoutShare, calibration,
                s, bins, bands, scoring, compare, compareRows, refitAll, unusualShare);
    }
}
