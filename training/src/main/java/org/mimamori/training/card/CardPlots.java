package org.mimamori.training.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mimamori.model.metrics.CalibrationBin;
import org.mimamori.model.metrics.CalibrationTable;
import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.metrics.RocPoint;
import org.mimamori.training.pipeline.ItemImportance;
import org.mimamori.training.pipeline.ScoreHistogram;
import org.mimamori.training.pipeline.TrainingReport;

/** The card's plots, as PNG bundle entries under {@code plots/}. */
final class CardPlots {

    /** The ROC curve. */
    static final String ROC = "plots/roc.png";
    /** Observed against predicted per calibration bin. */
    static final String CALIBRATION = "plots/calibration.png";
    /** Calibrated holdout probabilities by label. */
    static final String SCORE_DISTRIBUTION = "plots/score-distribution.png";
    /** Item importance. */
    static final String ITEM_WEIGHTS = "plots/item-weights.png";

    private static final int BAR_HEIGHT = 18;

    private CardPlots() {
    }

    /** Every plot by its bundle entry name. */
    static Map<String, byte[]> draw(TrainingReport report, double[] bandThresholds) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(ROC, roc(report.holdout()));
        out.put(CALIBRATION, calibration(report.holdout().calibration(), report.calibration()));
        out.put(SCORE_DISTRIBUTION, scoreDistribution(report.scoreHistogram(), bandThresholds));
        out.put(ITEM_WEIGHTS, itemWeights(report.itemImportance()));
        return out;
    }

    /** The height of the item-weights plot for a number of items: one bar row each, at least the usual height. */
    static int itemWeightsHeight(int items) {
        return Math.max(Plot.HEIGHT, 100 + BAR_HEIGHT * items);
    }

    static byte[] roc(Evaluation e) {
        List<RocPoint> points = e.roc();
        double[] fpr = points.stream().mapToDouble(RocPoint::fpr).toArray();
        double[] tpr = points.stream().mapToDouble(RocPoint::tpr).toArray();
        return new Plot("ROC curve on the holdout (AUC " + Numbers.rate(e.auc()) + ", n = " + e.n() + ")")
                .axes(0, 1, "False-positive rate", 0, 1, "True-positive rate")
                .line(new double[] {0, 1}, new double[] {0, 1}, Plot.GREY, true)
                .line(fpr, tpr, Plot.BLUE, false)
                .legend(List.of("Scorecard (calibrated)", "No discrimination"), List.of(Plot.BLUE, Plot.GREY),
                        Plot.Corner.BOTTOM_RIGHT)
                .png();
    }

    static byte[] calibration(CalibrationTable table, String kind) {
        List<CalibrationBin> bins = table.bins();
        double[] predicted = bins.stream().mapToDouble(CalibrationBin::meanPredicted).toArray();
        double[] observed = bins.stream().mapToDouble(CalibrationBin::observedRate).toArray();
        double max = 0;
        for (int i = 0; i < predicted.length; i++) {
            max = Math.max(max, Math.max(predicted[i], observed[i]));
        }
        double top = Math.min(1, Plot.niceCeiling(max * 1.05));
        return new Plot("Calibration on the holdout (" + kind + "; " + bins.size() + " equal-size bins)")
                .axes(0, top, "Mean predicted probability", 0, top, "Observed rate of confirmed need")
                .line(new double[] {0, top}, new double[] {0, top}, Plot.GREY, true)
                .line(predicted, observed, Plot.BLUE, false)
                .markers(predicted, observed, Plot.BLUE)
                .legend(List.of("Observed vs predicted", "Perfect calibration"), List.of(Plot.BLUE, Plot.GREY),
                        Plot.Corner.TOP_LEFT)
                .png();
    }

    static byte[] scoreDistribution(ScoreHistogram h, double[] bandThresholds) {
        int[] pos = h.positives();
        int[] neg = h.negatives();
        int nPos = sum(pos);
        int nNeg = sum(neg);
        double max = 0;
        for (int b = 0; b < h.bins(); b++) {
            max = Math.max(max, Math.max(share(pos[b], nPos), share(neg[b], nNeg)));
        }
        Plot plot = new Plot("Calibrated probability on the holdout, by label")
                .axes(0, 1, "Calibrated probability (dashed: band lower bounds)", 0, Plot.niceCeiling(max),
                        "Share of the label's cases");
        double width = 1.0 / h.bins();
        for (int b = 0; b < h.bins(); b++) {
            double x = b * width;
            plot.box(x + 0.08 * width, 0, x + 0.5 * width, share(neg[b], nNeg), Plot.BLUE)
                    .box(x + 0.5 * width, 0, x + 0.92 * width, share(pos[b], nPos), Plot.ORANGE);
        }
        for (double t : bandThresholds) {
            if (t > 0) {
                plot.verticalLine(t, Plot.GREY, true);
            }
        }
        return plot.legend(List.of("No confirmed need (n = " + nNeg + ")", "Confirmed need (n = " + nPos + ")"),
                List.of(Plot.BLUE, Plot.ORANGE), Plot.Corner.TOP_RIGHT).png();
    }

    static byte[] itemWeights(List<ItemImportance> items) {
        List<String> names = new ArrayList<>();
        double max = 0;
        for (ItemImportance i : items) {
            names.add(i.item());
            max = Math.max(max, i.importance());
        }
        Plot plot = new Plot(Plot.WIDTH, itemWeightsHeight(items.size()),
                "Item importance: spread (sd) of each item's contribution to the logit", 210)
                .categoryAxes(0, Plot.niceCeiling(max), "Standard deviation of the contribution (logit)", names);
        for (int k = 0; k < items.size(); k++) {
            double y = items.size() - k;
            plot.box(0, y - 0.15, items.get(k).importance(), y - 0.85, Plot.BLUE);
        }
        return plot.png();
    }

    private static int sum(int[] counts) {
        int s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }

    private static double share(int count, int total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
