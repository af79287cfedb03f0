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

/** The card's plots, as PNG bundle entries under {@code plots/} (English) and {@code plots/ja/} (Japanese). */
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

    /** Every plot of a language's card by its bundle entry name ({@code plots/ja/...} for Japanese). */
    static Map<String, byte[]> draw(TrainingReport report, double[] bandThresholds, CardTemplate template,
                                    String lang) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(in(ROC, lang), roc(report.holdout(), lang));
        out.put(in(CALIBRATION, lang), calibration(report.holdout().calibration(), report.calibration(), template,
                lang));
        out.put(in(SCORE_DISTRIBUTION, lang), scoreDistribution(report.scoreHistogram(), bandThresholds, template,
                lang));
        out.put(in(ITEM_WEIGHTS, lang), itemWeights(report.itemImportance(), lang));
        return out;
    }

    /** A plot's entry in a language's card: {@code plots/x.png} for English, {@code plots/ja/x.png} for Japanese. */
    static String in(String plot, String lang) {
        return lang.equals("en") ? plot : plot.replace("plots/", "plots/" + lang + "/");
    }

    private static String t(String lang, String en, String ja) {
        return lang.equals("ja") ? ja : en;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The height of the item-weights plot for a number of items: one bar row each, at least the usual height. */
    static int itemWeightsHeight(int items) {
        return Math.max(Plot.HEIGHT, 100 + BAR_HEIGHT * items);
    }

    static byte[] roc(Evaluation e, String lang) {
        List<RocPoint> points = e.roc();
        double[] fpr = points.stream().mapToDouble(RocPoint::fpr).toArray();
        double[] tpr = points.stream().mapToDouble(RocPoint::tpr).toArray();
        return new Plot(t(lang, "ROC curve on the holdout", "検証データでのROC曲線") + " (AUC "
                + Numbers.rate(e.auc()) + ", n = " + e.n() + ")")
                .axes(0, 1, t(lang, "False-positive rate", "偽陽性率"), 0, 1, t(lang, "True-positive rate", "真陽性率"))
                .line(new double[] {0, 1}, new double[] {0, 1}, Plot.GREY, true)
                .line(fpr, tpr, Plot.BLUE, false)
                .legend(List.of(t(lang, "Scorecard (calibrated)", "スコアカード（較正後）"),
                        t(lang, "No discrimination", "識別力なし")), List.of(Plot.BLUE, Plot.GREY),
                        Plot.Corner.BOTTOM_RIGHT)
                .png();
    }

    static byte[] calibration(CalibrationTable table, String kind, CardTemplate template, String lang) {
        List<CalibrationBin> bins = table.bins();
        double[] predicted = bins.stream().mapToDouble(CalibrationBin::meanPredicted).toArray();
        double[] observed = bins.stream().mapToDouble(CalibrationBin::observedRate).toArray();
        double max = 0;
        for (int i = 0; i < predicted.length; i++) {
            max = Math.max(max, Math.max(predicted[i], observed[i]));
        }
        double top = Math.min(1, Plot.niceCeiling(max * 1.05));
        return new Plot(t(lang, "Calibration on the holdout (" + kind + "; " + bins.size() + " equal-size bins)",
                "検証データでの較正（" + kind + "、" + bins.size() + "個の等件数ビン）"))
                .axes(0, top, t(lang, "Mean predicted probability", "予測確率の平均"), 0, top,
                        t(lang, "Observed rate: ", "実際の割合：") + CardTemplate.pick(template.positive(), lang))
                .line(new double[] {0, top}, new double[] {0, top}, Plot.GREY, true)
                .line(predicted, observed, Plot.BLUE, false)
                .markers(predicted, observed, Plot.BLUE)
                .legend(List.of(t(lang, "Observed vs predicted", "実際と予測"), t(lang, "Perfect calibration", "完全な較正")),
                        List.of(Plot.BLUE, Plot.GREY),
                        Plot.Corner.TOP_LEFT)
                .png();
    }

    static byte[] scoreDistribution(ScoreHistogram h, double[] bandThresholds, CardTemplate template, String lang) {
        int[] pos = h.positives();
        int[] neg = h.negatives();
        int nPos = sum(pos);
        int nNeg = sum(neg);
        double max = 0;
        for (int b = 0; b < h.bins(); b++) {
            max = Math.max(max, Math.max(share(pos[b], nPos), share(neg[b], nNeg)));
        }
        Plot plot = new Plot(t(lang, "Calibrated probability on the holdout, by label", "検証データでの較正後の確率（ラベル別）"))
                .axes(0, 1, t(lang, "Calibrated probability (dashed: band lower bounds)", "較正後の確率（破線：スコア帯の下限）"),
                        0, Plot.niceCeiling(max), t(lang, "Share of the label's cases", "ラベルごとの事例の割合"));
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
        return plot.legend(List.of(capitalised(CardTemplate.pick(template.negative(), lang)) + " (n = " + nNeg + ")",
                capitalised(CardTemplate.pick(template.positive(), lang)) + " (n = " + nPos + ")"),
                List.of(Plot.BLUE, Plot.ORANGE), Plot.Corner.TOP_RIGHT).png();
    }

    static byte[] itemWeights(List<ItemImportance> items, String lang) {
        List<String> names = new ArrayList<>();
        double max = 0;
        for (ItemImportance i : items) {
            names.add(i.item());
            max = Math.max(max, i.importance());
        }
        Plot plot = new Plot(Plot.WIDTH, itemWeightsHeight(items.size()),
                t(lang, "Item importance: spread (sd) of each item's contribution to the logit",
                        "項目の重要度：ロジットへの寄与のばらつき（標準偏差）"), 210)
                .categoryAxes(0, Plot.niceCeiling(max), t(lang, "Standard deviation of the contribution (logit)",
                        "寄与の標準偏差（ロジット）"), names);
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
