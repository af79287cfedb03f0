package org.mimamori.training.pipeline;

import java.util.List;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.dataset.DatasetView;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The training examples as one Tribuo dataset, built once; cross-validation folds and bootstrap resamples
 * are views of it (rows may repeat), so no fit rebuilds the feature map. Its provenance carries no clock time.
 */
final class TrainingData {

    private final MutableDataset<Label> dataset;
    private final ImmutableFeatureMap features;
    private final ImmutableOutputInfo<Label> outputs;

    TrainingData(List<Example<Label>> examples, String description) {
        LabelFactory labels = new LabelFactory();
        this.dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description,
                CanonicalLibLinearTrainer.FIXED_TIME, labels), labels);
        dataset.addAll(examples);
        this.features = new ImmutableFeatureMap(dataset.getFeatureMap());
        this.outputs = dataset.getOutputIDInfo();
    }

    /** Every example. */
    Dataset<Label> all() {
        return dataset;
    }

    /** The given rows (in order, repeats allowed). */
    Dataset<Label> rows(int[] rows, String description) {
        return new DatasetView<>(dataset, rows, features, outputs, description);
    }

    int size() {
        return dataset.size();
    }
}
