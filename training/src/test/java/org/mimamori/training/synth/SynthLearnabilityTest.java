package org.mimamori.training.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mimamori.model.metrics.Roc;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.encoding.TribuoData;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * The signals carry the truth: a plain logistic regression trained on the biased label ranks held-out children
 * by their <em>true</em> need well, and better than chance ranks them by the label it was trained on.
 */
class SynthLearnabilityTest {

    @Test
    void aPlainLogisticRegressionOnTheLabelFindsTheTrueNeed() {
        SynthTestData.Population pop = SynthTestData.standard();
        int split = pop.householdBoundary(0.75);   // siblings stay on one side
        List<Case> train = pop.cases().subList(0, split);
        List<Case> test = pop.cases().subList(split, pop.cases().size());

        CaseEncoder raw = CaseEncoder.fit(SynthTestData.SCHEMA, train, EncodingStyle.RAW, BinSettings.DEFAULT);
        Model<Label> model = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 1.0, 1000, 0.01)
                .train(TribuoData.dataset(raw, train, "synthetic training cases"));

        double[] score = new double[test.size()];
        boolean[] trueNeed = new boolean[test.size()];
        boolean[] label = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            score[i] = model.predict(TribuoData.example(raw, test.get(i), TribuoData.NEGATIVE))
                    .getOutputScores().get(TribuoData.POSITIVE.getLabel()).getScore();
            trueNeed[i] = pop.children().get(split + i).needs().any();
            label[i] = TribuoData.isPositive(test.get(i));
        }
        double aucTrue = Roc.auc(score, trueNeed);
        double aucLabel = Roc.auc(score, label);
        System.out.printf("RAW logistic regression on need_confirmed_12m: AUC %.3f against true need, %.3f against "
                + "the label (%d held-out children)%n", aucTrue, aucLabel, test.size());
        assertThat(aucTrue).isGreaterThanOrEqualTo(0.80);
        assertThat(aucLabel).isGreaterThan(0.75);
    }
}
