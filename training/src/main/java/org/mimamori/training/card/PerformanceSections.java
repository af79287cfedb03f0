package org.mimamori.training.card;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.metrics.BandStats;
import org.mimamori.model.metrics.CalibrationBin;
import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.training.pipeline.Comparison;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingReport;

/** Sections 5 and 6 of the card: performance on the holdout and the price of interpretability. */
final class PerformanceSections {

    private PerformanceSections() {
    }

    static void add(CardDocument card, TrainedModel model) {
        performance(card, model.report(), model.settings().bands());
        price(card, model.report());
    }

    private static void performance(CardDocument card, TrainingReport r, ScoreBands bands) {
        Evaluation e = r.holdout();
        double baseRate = e.n() == 0 ? Double.NaN : (double) e.positives() / e.n();
        card.section(CardSection.PERFORMANCE);
        card.paragraph("Measured once on the holdout split: " + e.n() + " cases, " + e.positives() + " of them with "
                + "a confirmed need (base rate " + Numbers.percent(baseRate) + "). These cases took no part in "
                + "binning, the choice of regularisation, fitting or calibration. Probabilities are calibrated ("
                + r.calibration() + ").");
        card.table(List.of("Metric", "Value", "How to read it"), List.of(
                List.of("AUC (ROC)", Numbers.rate(e.auc()) + " (95% CI " + Numbers.rate(e.aucCi()[0]) + "–"
                        + Numbers.rate(e.aucCi()[1]) + ")", "The chance that a case with a confirmed need scores "
                        + "above one without; 0.5 is no better than chance. Interval: " + Evaluation.AUC_RESAMPLES
                        + " bootstrap resamples of the holdout."),
                List.of("PR-AUC (average precision)", Numbers.rate(e.prAuc()), "Precision averaged over recall; a "
                        + "model without skill scores the base rate, " + Numbers.rate(baseRate) + "."),
                List.of("Brier score", Numbers.fixed(e.brier(), 4), "Mean squared error of the probabilities; "
                        + "lower is better."),
                List.of("ECE after calibration", Numbers.fixed(e.ece(), 4), "Expected calibration error: the mean "
                        + "gap between predicted and observed rates over equal-size bins, weighted by bin size."),
                List.of("ECE before calibration", Numbers.fixed(r.eceBeforeCalibration(), 4), "The same for the "
                        + "uncalibrated logistic output of the scorecard.")));
        card.image(CardPlots.ROC, "ROC curve of the scorecard on the holdout, with the diagonal of no discrimination");
        card.subheading("Calibration: observed against predicted / 較正");
        card.paragraph("A probability means what it says when, among cases given about 30%, about 30% had a "
                + "confirmed need. Bins hold about equal numbers of holdout cases, from the lowest probabilities up.");
        List<List<String>> calibration = new ArrayList<>();
        int bin = 0;
        for (CalibrationBin b : e.calibration().bins()) {
            calibration.add(List.of(Integer.toString(++bin), Integer.toString(b.n()), Integer.toString(b.positives()),
                    Numbers.rate(b.minScore()) + "–" + Numbers.rate(b.maxScore()), Numbers.rate(b.meanPredicted()),
                    Numbers.rate(b.observedRate()), Numbers.rate(b.gap())));
        }
        card.table(List.of("Bin", "Cases", "Confirmed need", "Predicted range", "Mean predicted", "Observed rate",
                "Gap"), calibration);
        card.image(CardPlots.CALIBRATION, "Observed rate against mean predicted probability per calibration bin, "
                + "with the diagonal of perfect calibration");
        card.image(CardPlots.SCORE_DISTRIBUTION, "Histogram of calibrated holdout probabilities, separately for "
                + "cases with and without a confirmed need, with the band lower bounds");
        bands(card, e, bands);
    }

    private static void bands(CardDocument card, Evaluation e, ScoreBands bands) {
        card.subheading("Score bands / スコア帯");
        card.paragraph("Staff see a band and its meaning, not a bare number. Each band's meaning is about similar "
                + "past cases:");
        List<List<String>> meanings = new ArrayList<>();
        for (ScoreBand b : bands.bands()) {
            meanings.add(List.of(b.id(), b.meaning().en(), b.meaning().ja()));
        }
        card.table(List.of("Band", "Meaning", "意味"), meanings);
        card.paragraph("On the holdout: cases and observed rate inside each band; selection rate, TPR, FPR, PPV and "
                + "NPV of flagging every case in the band or above.");
        List<List<String>> rows = new ArrayList<>();
        for (BandStats b : e.bands()) {
            rows.add(List.of(b.id(), Numbers.rate(b.lower()), Integer.toString(b.n()), Numbers.rate(b.observedRate()),
                    Numbers.rate(b.selectionRate()), Numbers.rate(b.tpr()), Numbers.rate(b.fpr()),
                    Numbers.rate(b.ppv()), Numbers.rate(b.npv())));
        }
        card.table(List.of("Band", "Lower bound", "Cases", "Observed rate", "Selection rate", "TPR", "FPR", "PPV",
                "NPV"), rows);
    }

    private static void price(CardDocument card, TrainingReport r) {
        card.section(CardSection.PRICE_OF_INTERPRETABILITY);
        Comparison c = r.comparison();
        if (c == null) {
            card.paragraph("The comparison models were not fitted in this run (training with --no-compare), so the "
                    + "price of interpretability was not measured for this model.");
            return;
        }
        double auc = r.holdout().auc();
        card.paragraph("Two less interpretable models were fitted on the same training split and scored on the same "
                + "holdout, only for this comparison; they are not part of the bundle.");
        card.table(List.of("Model", "Holdout AUC", "Difference from the scorecard"), List.of(
                List.of("Scorecard (this model)", Numbers.rate(auc), Numbers.UNDEFINED),
                List.of("Plain logistic regression on raw values (C = " + Numbers.plain(c.plainLogisticCost()) + ")",
                        Numbers.rate(c.plainLogisticAuc()), Numbers.signed(c.plainLogisticAuc() - auc, 3)),
                List.of("XGBoost (" + c.xgboostTrees() + " trees)", Numbers.rate(c.xgboostAuc()),
                        Numbers.signed(c.xgboostAuc() - auc, 3))));
        double price = r.priceOfInterpretability();
        double halfWidth = (r.holdout().aucCi()[1] - r.holdout().aucCi()[0]) / 2;
        card.paragraph("Price of interpretability (XGBoost AUC minus scorecard AUC): " + Numbers.signed(price, 3)
                + (price <= 0 ? ", so the scorecard did at least as well." : ".") + " For scale, the scorecard's AUC "
                + "has a 95% interval of about ±" + Numbers.rate(halfWidth) + ". In exchange, every score of the "
                + "scorecard adds up exactly from one contribution per item (section 9).");
    }
}
