package org.mimamori.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * Fits that read their rows from the shared liblinear rows give exactly the weights of Tribuo's own extraction from
 * the examples: on all rows, on a fold and on a bootstrap resample, for the scorecard and the raw encoding.
 */
class SharedRowsTest {

    @Test
    void sharedRowsGiveTheSameModelsAsTribuosExtraction() {
        FeatureSchema schema = SchemaLoader.loadDefault();
        List<Case> cases = AdditiveCases.generate(schema, 3000, 17);
        boolean[] y = TrainingPipeline.labels(cases);
        Groups groups = Groups.singletons(cases.size());
        int[] fold = Folds.assign(y, groups, 5, 7);
        for (EncodingStyle style : EncodingStyle.values()) {
            CaseEncoder encoder = CaseEncoder.fit(schema, cases, style, BinSettings.DEFAULT);
            TrainingData data = new TrainingData(encoder, encoder.encodeAll(cases), y, "shared rows test");
            List<Dataset<Label>> sets = List.of(data.all(), data.rows(Folds.rows(fold, 2, false), "fold"),
                    data.rows(Folds.resample(groups, new SplittableRandom(8)), "bootstrap"));
            for (Dataset<Label> set : sets) {
                for (double cost : new double[] {0.01, 1.0}) {
                    LinearFit shared = data.fit(set, cost);
                    LinearFit tribuo = LinearFit.fit(encoder, set, cost);
                    assertThat(shared.weights()).as("%s, %d rows, C=%s", style, set.size(), cost)
                            .isEqualTo(tribuo.weights());
                    assertThat(shared.bias()).isEqualTo(tribuo.bias());
                }
            }
        }
    }
}
