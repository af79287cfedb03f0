package org.mimamori.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.scoring.Contribution;
import org.mimamori.model.scoring.ExplainedScore;

class TrainingPipelineTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();
    private static List<Case> cases;
    private static TrainedModel model;
    private static ModelBundle bundle;

    @BeforeAll
    static void train() throws Exception {
        cases = AdditiveCases.generate(SCHEMA, 6000, 5);
        model = new TrainingPipeline(TrainingSettings.defaults().withBootstrap(8), Progress.SILENT)
                .train(SCHEMA, cases, Map.of("input_file", "generated in test"));
        bundle = BundleAssembly.assemble(model, Map.of("model-card.md", "# card".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bundleRoundTripScoresAndExplainsExactly() {
        assertThat(bundle.version()).hasSize(16);
        assertThat(bundle.fileName()).isEqualTo("mimamori-child-support-v1-" + bundle.version() + ".zip");
        ModelBundle again = ModelBundle.read(bundle.bytes());
        assertThat(again.version()).isEqualTo(bundle.version());
        for (Case c : cases.subList(0, 50)) {
            ExplainedScore s = again.scorer().score(c);
            double sum = s.baseline() + s.unrecorded().contribution()
                    + s.contributions().stream().mapToDouble(Contribution::contribution).sum();
            assertThat(sum).isCloseTo(s.logit(), within(1e-9));
            assertThat(s.logit()).isCloseTo(model.scorecard().logit(model.scorecard().encoder().encode(c)), within(1e-12));
            if (s.estimate() != null) {
                assertThat(s.estimate().low()).isLessThanOrEqualTo(s.estimate().probability());
                assertThat(s.estimate().high()).isGreaterThanOrEqualTo(s.estimate().probability());
            }
        }
        assertThat(again.tribuoModel().getFeatureIDMap().size()).isPositive();
        assertThat(again.entry("metrics.json")).isPresent();
        assertThat(again.entry("provenance.json")).isPresent();
    }

    @Test
    void bundleHoldsNoCaseRecords() {
        String text = new String(bundle.bytes(), StandardCharsets.ISO_8859_1);
        for (Case c : cases.subList(0, 200)) {
            assertThat(text).doesNotContain(c.get("child_ref").category());
        }
        for (String name : bundle.entryNames()) {
            String entry = new String(bundle.entry(name).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(entry).doesNotContain("C0000042");
        }
    }

    @Test
    void evaluationIsHonestAndCalibrated() {
        TrainingReport r = model.report();
        assertThat(r.holdoutCases() + r.trainingCases()).isEqualTo(cases.size());
        assertThat(r.holdout().auc()).isGreaterThan(0.7);
        assertThat(r.holdout().aucCi()[0]).isLessThan(r.holdout().auc());
        assertThat(r.holdout().ece()).isLessThan(0.05);
        assertThat(r.comparison()).isNotNull();
        assertThat(r.itemImportance().get(0).item()).isIn("prior_consultations", "absence_days_term");
        assertThat(r.fairness()).isNotNull();
        int[] positives = r.scoreHistogram().positives();
        int[] negatives = r.scoreHistogram().negatives();
        assertThat(positives).hasSize(ScoreHistogram.BINS);
        assertThat(java.util.Arrays.stream(positives).sum()).isEqualTo(r.holdout().positives());
        assertThat(java.util.Arrays.stream(negatives).sum()).isEqualTo(r.holdout().n() - r.holdout().positives());
    }
}
