package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;

/**
 * Chooses the regularisation of the scorecard by k-fold cross-validation (grouped: a group's rows share a fold)
 * on the training split (the cost
 * with the lowest out-of-fold log-loss), and keeps that cost's out-of-fold logits: every training case
 * scored by a model that did not see it, which is what the calibration map is fitted on.
 *
 * @param chosenCost      the cost chosen
 * @param logLossByCost   mean out-of-fold log-loss per cost tried
 * @param outOfFoldLogits per training case, the logit from the fold model that did not see it
 */
record RegularisationSearch(double chosenCost, Map<Double, Double> logLossByCost, double[] outOfFoldLogits) {

    static RegularisationSearch run(CaseEncoder encoder, TrainingData data, List<EncodedCase> encoded,
                                    boolean[] labels, Groups groups, double[] costs, int k, long seed,
                                    ExecutorService pool, Progress progress) throws InterruptedException {
        int[] fold = Folds.assign(labels, groups, k, seed);
        List<Future<LinearFit>> fits = new ArrayList<>();
        for (double cost : costs) {
            for (int f = 0; f < k; f++) {
                int[] rows = Folds.rows(fold, f, false);
                var view = data.rows(rows, "cv cost=" + cost + " fold=" + f);
                fits.add(pool.submit(() -> data.fit(view, cost)));
            }
        }
        Map<Double, Double> loss = new LinkedHashMap<>();
        Map<Double, double[]> oof = new LinkedHashMap<>();
        int done = 0;
        for (int c = 0; c < costs.length; c++) {
            double[] logits = new double[labels.length];
            for (int f = 0; f < k; f++) {
                LinearFit fit = get(fits.get(c * k + f));
                progress.step("cross-validation", ++done, fits.size());
                for (int row : Folds.rows(fold, f, true)) {
                    logits[row] = fit.logit(encoded.get(row));
                }
            }
            loss.put(costs[c], logLoss(logits, labels));
            oof.put(costs[c], logits);
        }
        double best = costs[0];
        for (double cost : costs) {
            if (loss.get(cost) < loss.get(best)) {
                best = cost;
            }
        }
        return new RegularisationSearch(best, loss, oof.get(best));
    }

    /** Mean negative log-likelihood of logits, computed stably. */
    static double logLoss(double[] logits, boolean[] labels) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = labels[i] ? -logits[i] : logits[i];
            sum += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }
        return sum / logits.length;
    }

    static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
