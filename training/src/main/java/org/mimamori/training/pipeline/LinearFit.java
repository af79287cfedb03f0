package org.mimamori.training.pipeline;


import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.scoring.LibLinearScorecards;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * One L2-regularised logistic regression fitted by Tribuo's liblinear trainer (with canonical provenance), with
 * its weights read back exactly so that logits can be computed on encoded cases without Tribuo.
 *
 * @param cost    the inverse regularisation strength C
 * @param model   the Tribuo model
 * @param weights one weight per encoder feature
 * @param bias    the intercept
 */
record LinearFit(double cost, Model<Label> model, double[] weights, double bias) {

    /** liblinear's own default tolerance for the primal logistic-regression solver. */
    static final double TOLERANCE = 0.01;

    /** liblinear's iteration limit. */
    static final int MAX_ITERATIONS = 1000;

    /** Fits on a dataset (all training examples, or a view of some of them). */
    static LinearFit fit(CaseEncoder encoder, Dataset<Label> data, double cost) {
        return fit(encoder, new CanonicalLibLinearTrainer(cost, MAX_ITERATIONS, TOLERANCE).train(data), cost);
    }

    /** The fit of a trained model. */
    static LinearFit fit(CaseEncoder encoder, Model<Label> model, double cost) {
        double[][] wb = LibLinearScorecards.weights(encoder, model);
        return new LinearFit(cost, model, wb[0], wb[1][0]);
    }

    /** The logit of an encoded case. */
    double logit(EncodedCase e) {
        double s = bias;
        int[] idx = e.indices();
        double[] val = e.values();
        for (int i = 0; i < idx.length; i++) {
            s += weights[idx[i]] * val[i];
        }
        return s;
    }
}
