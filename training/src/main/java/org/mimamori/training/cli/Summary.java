package org.mimamori.training.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.mimamori.training.pipeline.ItemImportance;
import org.mimamori.training.pipeline.TrainingReport;

/** The few numbers a data scientist reads after training, printed to standard error. */
final class Summary {

    private Summary() {
    }

    static void print(TrainingReport r, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "trained on %d cases, evaluated on %d held-out cases (%s)",
                r.trainingCases(), r.holdoutCases(), r.schema()));
        out.println(String.format(Locale.ROOT, "regularisation C=%s chosen among %d values by cross-validation",
                r.chosenCost(), r.crossValidationLogLoss().size()));
        out.println(String.format(Locale.ROOT, "holdout AUC %.3f (95%% CI %.3f–%.3f), PR-AUC %.3f, Brier %.4f, "
                        + "ECE %.4f after %s calibration (%.4f before)", r.holdout().auc(), r.holdout().aucCi()[0],
                r.holdout().aucCi()[1], r.holdout().prAuc(), r.holdout().brier(), r.holdout().ece(), r.calibration(),
                r.eceBeforeCalibration()));
        if (r.comparison() != null) {
            out.println(String.format(Locale.ROOT, "comparison AUC: plain logistic %.3f, XGBoost %.3f; price of "
                    + "interpretability %.3f%s", r.comparison().plainLogisticAuc(), r.comparison().xgboostAuc(),
                    r.priceOfInterpretability(), r.comparison().subsampled() ? " (comparison models fitted on a "
                    + "random subsample of " + r.comparison().trainingRows() + " training cases)" : ""));
        }
        out.print("strongest items:");
        r.itemImportance().stream().limit(5).map(ItemImportance::item).forEach(i -> out.print(" " + i));
        out.println();
    }
}
