package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.scoring.LibLinearScorecards;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * One L2-regularised logistic regression fitted by Tribuo's liblinear trainer, with its weights read back
 * exactly so that logits can be computed on encoded cases without Tribuo.
 *
 * @param cost    the inverse regularisation strength C
 * @param model   the Tribuo model
 * @param weights one weight per encoder feature
 * @param bias    the intercept
 */
record LinearFit(double cost, Model<Label> model, double[] weights, double bias) {

    private static final LabelFactory LABELS = new LabelFactory();

    /** Fits on the given rows of a prepared example list (rows may repeat, as in a bootstrap resample). */
    static LinearFit fit(CaseEncoder encoder, List<Example<Label>> examples, int[] rows, double cost,
                         String description) {
        List<Example<Label>> subset = new ArrayList<>(rows.length);
        for (int r : rows) {
            subset.add(examples.get(r));
        }
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
        ds.addAll(subset);
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, 1000, 0.001);
        Model<Label> model = trainer.train(ds);
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
