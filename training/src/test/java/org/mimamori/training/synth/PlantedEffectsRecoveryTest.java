package org.mimamori.training.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.schema.Item;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * A scorecard trained on the biased label recovers the planted drivers: its item importances rank the model
 * inputs as their planted effects do. Also: the planted effects realise the generator's design bands.
 */
class PlantedEffectsRecoveryTest {

    private final SynthTestData.Population pop = SynthTestData.standard();
    private final List<PlantedEffects.Effect> planted =
            PlantedEffects.measure(SynthTestData.SCHEMA, pop.cases(), pop.trueNeed());

    @Test
    void theLabelTrainedScorecardRanksItemsLikeThePlantedEffects() {
        List<Case> cases = pop.cases();
        CaseEncoder encoder = CaseEncoder.fit(SynthTestData.SCHEMA, cases, EncodingStyle.SCORECARD,
                BinSettings.DEFAULT);
        LibLinearClassificationModel model = (LibLinearClassificationModel) new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 1.0, 1000, 0.01)
                .train(TribuoData.dataset(encoder, cases, "synthetic training cases"));
        Map<String, Double> weight = new HashMap<>();
        model.getTopFeatures(-1).values().iterator().next().forEach(p -> weight.put(p.getA(), p.getB()));

        // Item importance: the spread over the training cases of the weight of the item's active state.
        List<Item> inputs = encoder.inputItems();
        double[] importance = new double[inputs.size()];
        double[] plantedEffect = new double[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            double sum = 0;
            double sumSq = 0;
            for (Case c : cases) {
                double w = weight.getOrDefault(encoder.features().get(encoder.encode(c).indices()[k]).name(), 0.0);
                sum += w;
                sumSq += w * w;
            }
            double mean = sum / cases.size();
            importance[k] = Math.sqrt(sumSq / cases.size() - mean * mean);
            assertThat(planted.get(k).item()).isEqualTo(inputs.get(k).id());
            plantedEffect[k] = planted.get(k).planted();
        }
        double rho = SynthTestData.spearman(importance, plantedEffect);
        System.out.printf("Spearman(scorecard importance, planted effect) = %.3f over %d inputs%n", rho, inputs.size());
        assertThat(rho).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void plantedEffectsFallIntoTheDesignedBands() {
        Map<String, double[]> band = new HashMap<>();   // design -> {min, max, sum, count}
        for (PlantedEffects.Effect e : planted) {
            double[] b = band.computeIfAbsent(e.design(), d -> new double[] {Double.MAX_VALUE, 0, 0, 0});
            b[0] = Math.min(b[0], e.planted());
            b[1] = Math.max(b[1], e.planted());
            b[2] += e.planted();
            b[3]++;
        }
        assertThat(band).containsOnlyKeys("strong", "medium", "weak", "none");
        // Adjacent bands may touch at their edges (sampling noise); their means are far apart ...
        assertThat(mean(band.get("strong"))).isGreaterThan(1.5 * mean(band.get("medium")));
        assertThat(mean(band.get("medium"))).isGreaterThan(2 * mean(band.get("weak")));
        assertThat(mean(band.get("weak"))).isGreaterThan(1.5 * mean(band.get("none")));
        // ... and bands two apart never overlap.
        assertThat(band.get("strong")[0]).isGreaterThan(band.get("weak")[1]);
        assertThat(band.get("medium")[0]).isGreaterThan(band.get("none")[1]);
    }

    @Test
    void spearmanHelperIsRight() {
        assertThat(SynthTestData.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40})).isEqualTo(1.0);
        assertThat(SynthTestData.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isEqualTo(-1.0);
        assertThat(SynthTestData.ranks(new double[] {5, 1, 5})).containsExactly(2.5, 1, 2.5);
    }

    private static double mean(double[] b) {
        return b[2] / b[3];
    }
}
