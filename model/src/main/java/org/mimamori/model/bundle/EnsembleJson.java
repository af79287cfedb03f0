package org.mimamori.model.bundle;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.scoring.BootstrapEnsemble;

/**
 * The bootstrap ensemble as JSON: the feature names once, then each member's weights in that order.
 *
 * @param features feature names
 * @param biases   per member intercept
 * @param weights  per member weights, aligned with {@code features}
 */
record EnsembleJson(List<String> features, double[] biases, List<double[]> weights) {

    static EnsembleJson of(CaseEncoder encoder, BootstrapEnsemble e) {
        return new EnsembleJson(encoder.features().stream().map(EncodedFeature::name).toList(), e.biases(),
                e.weights());
    }

    BootstrapEnsemble toEnsemble(CaseEncoder encoder) {
        List<double[]> members = new ArrayList<>();
        for (double[] w : weights) {
            double[] aligned = new double[encoder.features().size()];
            for (int i = 0; i < features.size(); i++) {
                EncodedFeature f = encoder.feature(features.get(i));
                if (f == null) {
                    throw new InvalidBundleException("アンサンブルに未知の特徴量 " + features.get(i) + " の重みがあります",
                            "ensemble weight for unknown feature " + features.get(i));
                }
                aligned[f.index()] = w[i];
            }
            members.add(aligned);
        }
        return new BootstrapEnsemble(members, biases);
    }
}
