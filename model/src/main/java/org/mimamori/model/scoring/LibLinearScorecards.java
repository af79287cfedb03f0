package org.mimamori.model.scoring;

import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.encoding.TribuoData;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.liblinear.LibLinearModel;

/**
 * Reads the exact weights of a Tribuo liblinear logistic regression into a {@link Scorecard}.
 *
 * <p>Tribuo feeds liblinear feature {@code id + 1} for each feature id and appends a bias feature of value 1
 * at {@code featureMap.size() + 1}; for two classes liblinear keeps one weight vector, oriented towards its
 * first label. Tests check the result against Tribuo's own predictions.
 */
public final class LibLinearScorecards {

    private LibLinearScorecards() {
    }

    /** The weights and bias of a binary liblinear model, as {weights by encoder feature, {bias}}. */
    public static double[][] weights(CaseEncoder encoder, Model<Label> model) {
        if (!(model instanceof LibLinearModel<Label> linear)) {
            throw new IllegalArgumentException("not a liblinear model: " + model.getClass().getName());
        }
        de.bwaldvogel.liblinear.Model inner = linear.getInnerModels().get(0);
        if (inner.getNrClass() != 2) {
            throw new IllegalArgumentException("the model must have exactly two classes, has " + inner.getNrClass());
        }
        int positiveId = model.getOutputIDInfo().getID(TribuoData.POSITIVE);
        double sign = inner.getLabels()[0] == positiveId ? 1.0 : -1.0;
        double[] w = inner.getFeatureWeights();
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        double[] weights = new double[encoder.features().size()];
        for (VariableInfo info : fmap) {
            EncodedFeature f = encoder.feature(info.getName());
            if (f != null) {
                weights[f.index()] = sign * w[fmap.getID(info.getName())];
            }
        }
        double bias = sign * w[fmap.size()];
        return new double[][] {weights, {bias}};
    }

    /** A scorecard centred on the given encoded training cases. */
    public static Scorecard scorecard(CaseEncoder encoder, Model<Label> model, List<EncodedCase> training) {
        double[][] wb = weights(encoder, model);
        return Scorecard.centred(encoder, wb[0], wb[1][0], training);
    }
}
