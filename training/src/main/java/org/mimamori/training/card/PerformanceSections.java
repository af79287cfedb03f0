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
        String pos = card.t(card.template().positive());
        card.section(CardSection.PERFORMANCE);
        card.paragraph(card.t("Measured once on the holdout split: " + e.n() + " cases, " + e.positives() + " of them "
                + "with the outcome " + pos + " (base rate " + Numbers.percent(baseRate) + "). These cases took no part "
                + "in binning, the choice of regularisation, fitting or calibration. Probabilities are calibrated ("
                + r.calibration() + ").", "検証データで一度だけ測りました：" + e.n() + "件、うち" + e.positives() + "件が「"
                + pos + "」（基準率" + Numbers.percent(baseRate) + "）。これらの事例は区分、正則化の選択、学習、較正のいずれにも"
                + "使っていません。確率は較正済みです（" + r.calibration() + "）。"));
        String ci = Numbers.rate(e.auc()) + " (95% CI " + Numbers.rate(e.aucCi()[0]) + "–" + Numbers.rate(e.aucCi()[1])
                + ")";
        card.table(List.of(card.t("Metric", "指標"), card.t("Value", "値"), card.t("How to read it", "読み方")), List.of(
                List.of("AUC (ROC)", ci, card.t("The chance that a case with the outcome " + pos + " scores above one "
                        + "without; 0.5 is no better than chance. Interval: " + Evaluation.AUC_RESAMPLES
                        + " bootstrap resamples of the holdout.", "「" + pos + "」の事例が、そうでない事例より高いスコアになる"
                        + "確率。0.5は偶然と同じです。区間：検証データの" + Evaluation.AUC_RESAMPLES + "回のブートストラップ。")),
                List.of(card.t("PR-AUC (average precision)", "PR-AUC（平均適合率）"), Numbers.rate(e.prAuc()),
                        card.t("Precision averaged over recall; a model without skill scores the base rate, "
                        + Numbers.rate(baseRate) + ".", "再現率にわたって平均した適合率。識別力のないモデルは基準率 "
                        + Numbers.rate(baseRate) + " になります。")),
                List.of(card.t("Brier score", "ブライアスコア"), Numbers.fixed(e.brier(), 4), card.t("Mean squared "
                        + "error of the probabilities; lower is better.", "確率の平均二乗誤差。小さいほど良い。")),
                List.of(card.t("ECE after calibration", "較正後のECE"), Numbers.fixed(e.ece(), 4), card.t("Expected "
                        + "calibration error: the mean gap between predicted and observed rates over equal-size bins, "
                        + "weighted by bin size.", "期待較正誤差：等件数のビンごとの予測と実際の割合の差を、件数で重み付けして"
                        + "平均したもの。")),
                List.of(card.t("ECE before calibration", "較正前のECE"), Numbers.fixed(r.eceBeforeCalibration(), 4),
                        card.t("The same for the uncalibrated logistic output of the scorecard.",
                        "スコアカードの較正前のロジスティック出力についての同じ値。"))));
        card.image(CardPlots.in(CardPlots.ROC, card.lang()), card.t("ROC curve of the scorecard on the holdout, with "
                + "the diagonal of no discrimination", "検証データでのスコアカードのROC曲線と、識別力なしの対角線"));
        card.subheading(card.t("Calibration: observed against predicted", "較正：実際と予測"));
        card.paragraph(card.t("A probability means what it says when, among cases given about 30%, about 30% had the "
                + "outcome " + pos + ". Bins hold about equal numbers of holdout cases, from the lowest probabilities "
                + "up.", "約30%と示された事例のうち約30%が「" + pos + "」であれば、確率は言葉どおりの意味を持ちます。"
                + "ビンは検証データの事例をほぼ同数ずつ、低い確率から順に含みます。"));
        List<List<String>> calibration = new ArrayList<>();
        int bin = 0;
        for (CalibrationBin b : e.calibration().bins()) {
            calibration.add(List.of(Integer.toString(++bin), Integer.toString(b.n()), Integer.toString(b.positives()),
                    Numbers.rate(b.minScore()) + "–" + Numbers.rate(b.maxScore()), Numbers.rate(b.meanPredicted()),
                    Numbers.rate(b.observedRate()), Numbers.rate(b.gap())));
        }
        card.table(List.of(card.t("Bin", "ビン"), card.t("Cases", "件数"), capitalised(pos),
                card.t("Predicted range", "予測の範囲"), card.t("Mean predicted", "予測の平均"),
                card.t("Observed rate", "実際の割合"), card.t("Gap", "差")), calibration);
        card.image(CardPlots.in(CardPlots.CALIBRATION, card.lang()), card.t("Observed rate against mean predicted "
                + "probability per calibration bin, with the diagonal of perfect calibration",
                "較正ビンごとの予測確率の平均に対する実際の割合と、完全な較正の対角線"));
        card.image(CardPlots.in(CardPlots.SCORE_DISTRIBUTION, card.lang()), card.t("Histogram of calibrated holdout "
                + "probabilities, separately for cases with and without the outcome " + pos + ", with the band lower "
                + "bounds", "検証データの較正後の確率のヒストグラム（「" + pos + "」の事例とそれ以外の事例、スコア帯の下限つき）"));
        bands(card, e, bands);
    }

    private static void bands(CardDocument card, Evaluation e, ScoreBands bands) {
        card.subheading(card.t("Score bands", "スコア帯"));
        card.paragraph(card.t("Staff see a band and its meaning, not a bare number. Each band's meaning is about "
                + "similar past cases:", "職員が見るのは数値そのものではなく、スコア帯とその意味です。意味はいずれも類似の過去事例に"
                + "ついてのものです："));
        List<List<String>> meanings = new ArrayList<>();
        List<ScoreBand> all = bands.bands();
        for (int i = 0; i < all.size(); i++) {
            double upper = i + 1 < all.size() ? all.get(i + 1).lower() : Double.NaN;
            meanings.add(List.of(all.get(i).id(), card.template().bandMeaning(card.lang(), all.get(i).id(),
                    range(card, all.get(i).lower(), upper))));
        }
        card.table(List.of(card.t("Band", "スコア帯"), card.t("Meaning", "意味")), meanings);
        card.paragraph(card.t("On the holdout: cases and observed rate inside each band; selection rate, TPR, FPR, PPV "
                + "and NPV of flagging every case in the band or above.", "検証データで：各スコア帯の件数と実際の割合、"
                + "そのスコア帯以上をすべて対象とした場合の選択率、TPR、FPR、PPV、NPV。"));
        List<List<String>> rows = new ArrayList<>();
        for (BandStats b : e.bands()) {
            rows.add(List.of(b.id(), Numbers.rate(b.lower()), Integer.toString(b.n()), Numbers.rate(b.observedRate()),
                    Numbers.rate(b.selectionRate()), Numbers.rate(b.tpr()), Numbers.rate(b.fpr()),
                    Numbers.rate(b.ppv()), Numbers.rate(b.npv())));
        }
        card.table(List.of(card.t("Band", "スコア帯"), card.t("Lower bound", "下限"), card.t("Cases", "件数"),
                card.t("Observed rate", "実際の割合"), card.t("Selection rate", "選択率"), "TPR", "FPR", "PPV", "NPV"),
                rows);
    }

    /** A band's range in words, e.g. {@code 5% to under 15%}. */
    private static String range(CardDocument card, double lower, double upper) {
        String lo = Numbers.percentPlain(lower);
        if (Double.isNaN(upper)) {
            return card.t(lo + " or more", lo + "以上");
        }
        String hi = Numbers.percentPlain(upper);
        if (lower == 0) {
            return card.t("under " + hi, hi + "未満");
        }
        return card.t(lo + " to under " + hi, lo + "以上" + hi + "未満");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void price(CardDocument card, TrainingReport r) {
        card.section(CardSection.PRICE_OF_INTERPRETABILITY);
        Comparison c = r.comparison();
        if (c == null) {
            card.paragraph(card.t("The comparison models were not fitted in this run (training with --no-compare), so "
                    + "the price of interpretability was not measured for this model.", "この学習では比較モデルを学習していない"
                    + "（--no-compare）ため、このモデルの解釈可能性の代償は測っていません。"));
            return;
        }
        double auc = r.holdout().auc();
        if (c.subsampled()) {
            String n = Integer.toString(c.trainingRows());
            String of = Integer.toString(r.trainingCases());
            card.paragraph(card.t("Two less interpretable models were fitted, only for this comparison, on a random "
                    + "subsample of " + n + " of the " + of + " cases of the training split (the same cases for both; "
                    + "above " + n + " training cases the comparison models are fitted on a subsample so that training "
                    + "stays fast) and scored on the same whole holdout as the scorecard; they are not part of the "
                    + "bundle. The scorecard itself was fitted on all " + of + " cases, so fitted on all of them the "
                    + "comparison models might do slightly better than shown.",
                    "解釈しにくい2つのモデルを、この比較のためだけに、学習データ" + of + "件から無作為に抽出した" + n
                    + "件（両モデルで同じ事例）で学習し、スコアカードと同じ検証データ全体で評価しました（学習データが" + n
                    + "件を超えると、学習時間を抑えるため比較モデルは抽出した事例で学習します）。バンドルには含みません。"
                    + "スコアカード自体は" + of + "件すべてで学習したため、全件で学習すれば比較モデルの数値は"
                    + "ここに示すより少し良くなる可能性があります。"));
        } else {
            card.paragraph(card.t("Two less interpretable models were fitted on the same training split and scored on "
                    + "the same holdout, only for this comparison; they are not part of the bundle.",
                    "解釈しにくい2つのモデルを、この比較のためだけに同じ学習データで学習し、同じ検証データで評価しました。"
                    + "バンドルには含みません。"));
        }
        card.table(List.of(card.t("Model", "モデル"), card.t("Holdout AUC", "検証データのAUC"),
                card.t("Difference from the scorecard", "スコアカードとの差")), List.of(
                List.of(card.t("Scorecard (this model)", "スコアカード（このモデル）"), Numbers.rate(auc), Numbers.UNDEFINED),
                List.of(card.t("Plain logistic regression on raw values", "元の値に対する通常のロジスティック回帰") + " (C = "
                        + Numbers.plain(c.plainLogisticCost()) + ")",
                        Numbers.rate(c.plainLogisticAuc()), Numbers.signed(c.plainLogisticAuc() - auc, 3)),
                List.of("XGBoost (" + c.xgboostTrees() + card.t(" trees)", "本の木)"), Numbers.rate(c.xgboostAuc()),
                        Numbers.signed(c.xgboostAuc() - auc, 3))));
        double price = r.priceOfInterpretability();
        String half = Numbers.rate((r.holdout().aucCi()[1] - r.holdout().aucCi()[0]) / 2);
        card.paragraph(card.t("Price of interpretability (XGBoost AUC minus scorecard AUC): " + Numbers.signed(price, 3)
                + (price <= 0 ? ", so the scorecard did at least as well." : ".") + " For scale, the scorecard's AUC "
                + "has a 95% interval of about ±" + half + ". In exchange, every score of the "
                + "scorecard adds up exactly from one contribution per item (section 9).",
                "解釈可能性の代償（XGBoostのAUC − スコアカードのAUC）：" + Numbers.signed(price, 3)
                + (price <= 0 ? "。スコアカードは同等以上でした。" : "。") + "目安として、スコアカードのAUCの95%区間は約±" + half
                + "です。その代わり、スコアカードのどのスコアも項目ごとの寄与の和として正確に説明できます（9章）。"));
    }
}
