package org.mimamori.training.pipeline;

import java.util.List;

import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.scoring.Scorecard;

/** Evaluates a bundle's calibrated scorecard on labelled cases. */
public final class BundleEvaluation {

    private BundleEvaluation() {
    }

    /**
     * Calibrated probabilities of the cases with a known label, evaluated against those labels.
     *
     * @throws IllegalArgumentException when no case has a known label
     */
    public static Evaluation evaluate(ModelBundle bundle, List<Case> cases, ScoreBands bands, long seed) {
        String label = bundle.schema().labelItem().id();
        List<Case> labelled = cases.stream().filter(c -> c.get(label).isKnown()).toList();
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no case has a known label (" + label + ")");
        }
        Scorecard scorecard = bundle.scorecard();
        CaseEncoder encoder = scorecard.encoder();
        double[] p = new double[labelled.size()];
        boolean[] y = new boolean[labelled.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = bundle.calibrator().probability(scorecard.logit(encoder.encode(labelled.get(i))));
            y[i] = TribuoData.isPositive(labelled.get(i));
        }
        return Evaluation.of(p, y, bands, seed);
    }
}
