package org.mimamori.training.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.training.pipeline.ItemImportance;
import org.mimamori.training.pipeline.Progress;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingPipeline;
import org.mimamori.training.pipeline.TrainingReport;
import org.mimamori.training.pipeline.TrainingSettings;

/**
 * The production training pipeline on 50,000 synthetic children (labels biased as real ones are): the
 * interpretable scorecard costs at most 0.01 AUC against XGBoost, is calibrated, and ranks the planted drivers
 * of need as the generator planted them.
 */
class ScorecardOnSyntheticMunicipalityTest {

    private static SynthTestData.Population population;
    private static TrainingReport report;

    @BeforeAll
    static void train() throws Exception {
        population = SynthTestData.population(SynthConfig.of(50_000, 7));
        TrainedModel model = new TrainingPipeline(TrainingSettings.defaults().withBootstrap(10), Progress.SILENT)
                .train(SynthTestData.SCHEMA, population.cases(), Map.of("input_file", "synthetic, seed 7"));
        report = model.report();
        System.out.printf("holdout: scorecard AUC %.4f, XGBoost %.4f, plain logistic %.4f, ECE %.4f%n",
                report.holdout().auc(), report.comparison().xgboostAuc(), report.comparison().plainLogisticAuc(),
                report.holdout().ece());
    }

    @Test
    void theScorecardIsWithinOneHundredthOfXgboostOnTheSameSplit() {
        assertThat(report.holdout().auc()).isGreaterThanOrEqualTo(report.comparison().xgboostAuc() - 0.01);
        assertThat(report.holdout().auc()).isGreaterThan(0.75);
    }

    @Test
    void calibratedProbabilitiesHaveAnExpectedCalibrationErrorOfAtMostTwoPercent() {
        assertThat(report.holdout().ece()).isLessThanOrEqualTo(0.02);
    }

    @Test
    void itemWeightsRankThePlantedDriversInTheRightOrder() {
        Map<String, Double> planted = PlantedEffects.measure(SynthTestData.SCHEMA, population.cases(),
                        population.trueNeed()).stream()
                .collect(Collectors.toMap(PlantedEffects.Effect::item, PlantedEffects.Effect::planted));
        Map<String, ItemImportance> learned = report.itemImportance().stream()
                .collect(Collectors.toMap(ItemImportance::item, Function.identity()));
        List<String> items = List.copyOf(planted.keySet());
        assertThat(learned.keySet()).containsExactlyInAnyOrderElementsOf(items);
        double[] p = items.stream().mapToDouble(planted::get).toArray();
        double[] l = items.stream().mapToDouble(i -> learned.get(i).importance()).toArray();
        double rho = SynthTestData.spearman(l, p);
        System.out.printf("Spearman(pipeline item importance, planted effect) = %.3f over %d items%n", rho, items.size());
        assertThat(rho).isGreaterThanOrEqualTo(0.8);
    }
}
