package org.mimamori.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.pipeline.AdditiveCases;
import org.mimamori.training.pipeline.BundleAssembly;
import org.mimamori.training.pipeline.Comparison;
import org.mimamori.training.pipeline.Hashes;
import org.mimamori.training.pipeline.Progress;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingPipeline;
import org.mimamori.training.pipeline.TrainingSettings;

/**
 * Above {@code --compare-rows} training cases the comparison models are fitted on a random subsample: the report,
 * metrics.json, the manifest and both cards say so, with the numbers.
 */
class SubsampledComparisonCardTest {

    private static TrainedModel model;
    private static ModelBundle bundle;

    @BeforeAll
    static void train() throws Exception {
        FeatureSchema schema = SchemaLoader.loadDefault();
        model = new TrainingPipeline(TrainingSettings.defaults().withBootstrap(2).withCompareRows(1000),
                Progress.SILENT).train(schema, AdditiveCases.generate(schema, 3000, 5), lineage());
        bundle = BundleAssembly.assemble(model, ModelCard.files(model));
    }

    private static Map<String, Object> lineage() {
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("input_file", "cases-test.csv");
        lineage.put("input_sha256", Hashes.sha256("cases for the subsample test"));
        lineage.put("schema_sha256", Hashes.sha256(SchemaLoader.loadDefault().yaml()));
        lineage.put("columns_missing", List.of());
        return lineage;
    }

    private static String entry(String name) {
        return new String(bundle.entry(name).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void theComparisonModelsWereFittedOnTheSubsampleAndScoredOnTheWholeHoldout() {
        Comparison c = model.report().comparison();
        assertThat(model.report().trainingCases()).isGreaterThan(1000);
        assertThat(c.subsampled()).isTrue();
        assertThat(c.trainingRows()).isEqualTo(1000);
        assertThat(c.xgboostAuc()).isBetween(0.5, 1.0);
        assertThat(c.plainLogisticAuc()).isBetween(0.5, 1.0);
    }

    @Test
    void metricsAndManifestSayHowManyCases() {
        assertThat(entry("metrics.json")).contains("\"training_rows\" : 1000").contains("\"subsampled\" : true");
        assertThat(entry("manifest.json")).contains("\"comparison_max_training_rows\" : 1000");
    }

    @Test
    void bothCardsSayTheComparisonUsedASubsample() {
        String n = Integer.toString(model.report().trainingCases());
        assertThat(entry(ModelCard.MARKDOWN))
                .contains("on a random subsample of 1000 of the " + n + " cases of the training split")
                .contains("The scorecard itself was fitted on all " + n + " cases")
                .contains("fitted (section 6) on at most 1000 training cases (a random subsample above that)");
        assertThat(entry(ModelCard.MARKDOWN_JA))
                .contains("学習データ" + n + "件から無作為に抽出した1000件")
                .contains("スコアカード自体は" + n + "件すべてで学習した")
                .contains("学習データは最大1000件（超えるときは無作為抽出）");
        assertThat(entry(ModelCard.HTML)).contains("random subsample of 1000");
        assertThat(entry(ModelCard.HTML_JA)).contains("無作為に抽出した1000件");
    }

    @Test
    void withoutASubsampleTheCardDoesNotMentionOne() throws Exception {
        TrainedModel whole = new TrainingPipeline(TrainingSettings.defaults().withBootstrap(2), Progress.SILENT)
                .train(SchemaLoader.loadDefault(), AdditiveCases.generate(SchemaLoader.loadDefault(), 1500, 5),
                        lineage());
        assertThat(whole.report().comparison().subsampled()).isFalse();
        assertThat(whole.report().comparison().trainingRows()).isEqualTo(whole.report().trainingCases());
        String md = new String(ModelCard.files(whole).get(ModelCard.MARKDOWN), StandardCharsets.UTF_8);
        assertThat(md).contains("were fitted on the same training split and scored on the same holdout")
                .doesNotContain("random subsample of");
    }
}
