package org.mimamori.model.bundle;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.scoring.Scorecard;

/**
 * The scorecard as readable JSON: one named weight per feature, so the bundle itself shows every item state's
 * points.
 *
 * @param bias      the intercept
 * @param baseline  the logit of the average training case
 * @param itemMeans per input item (encoder order), the mean active weight in training
 * @param weights   every feature's weight
 */
record ScorecardJson(double bias, double baseline, double[] itemMeans, List<FeatureWeight> weights) {

    /** One feature's weight. */
    record FeatureWeight(String feature, String item, String state, String description, double weight) {
    }

    static ScorecardJson of(Scorecard s) {
        List<FeatureWeight> w = new ArrayList<>();
        for (EncodedFeature f : s.encoder().features()) {
            w.add(new FeatureWeight(f.name(), f.item(), f.state(), f.description(), s.weight(f.index())));
        }
        return new ScorecardJson(s.bias(), s.baseline(), s.itemMeans(), w);
    }

    static double[] weightsFor(CaseEncoder encoder, List<FeatureWeight> weights) {
        double[] out = new double[encoder.features().size()];
        for (FeatureWeight fw : weights) {
            EncodedFeature f = encoder.feature(fw.feature());
            if (f == null) {
                throw new InvalidBundleException("スコアカードに未知の特徴量 " + fw.feature() + " の重みがあります",
                        "scorecard weight for unknown feature " + fw.feature());
            }
            out[f.index()] = fw.weight();
        }
        return out;
    }

    Scorecard toScorecard(CaseEncoder encoder) {
        return new Scorecard(encoder, weightsFor(encoder, weights), bias, itemMeans);
    }
}
