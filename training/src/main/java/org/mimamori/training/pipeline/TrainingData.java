package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedMatrix;
import org.mimamori.model.encoding.TribuoData;
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
 * The training examples as one Tribuo dataset, built once from the encoded matrix, with the same rows in
 * liblinear's form ({@link LibLinearRows}). Cross-validation folds and bootstrap resamples are views of the dataset
 * (rows may repeat), and every fit reads its rows from the shared liblinear rows, so no fit rebuilds the feature
 * map or converts examples again. Its provenance carries no clock time.
 */
final class TrainingData {

    private final CaseEncoder encoder;
    private final MutableDataset<Label> dataset;
    private final ImmutableFeatureMap features;
    private final ImmutableOutputInfo<Label> outputs;
    private final LibLinearRows rows;

    /**
     * @param encoder     the encoder of the matrix
     * @param matrix      the encoded rows
     * @param labels      per row, whether it is positive
     * @param description the data source's description in the provenance
     */
    TrainingData(CaseEncoder encoder, EncodedMatrix matrix, boolean[] labels, String description) {
        this.encoder = encoder;
        List<Example<Label>> examples = new ArrayList<>(IntStream.range(0, matrix.rows()).parallel()
                .mapToObj(i -> TribuoData.example(encoder, matrix.row(i),
                        labels[i] ? TribuoData.POSITIVE : TribuoData.NEGATIVE))
                .toList());
        LabelFactory labelFactory = new LabelFactory();
        this.dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description,
                CanonicalLibLinearTrainer.FIXED_TIME, labelFactory), labelFactory);
        dataset.addAll(examples);
        this.features = new ImmutableFeatureMap(dataset.getFeatureMap());
        this.outputs = dataset.getOutputIDInfo();
        this.rows = LibLinearRows.of(encoder, matrix, labels, features, outputs);
    }

    /** Every example. */
    Dataset<Label> all() {
        return dataset;
    }

    /** The given rows (in order, repeats allowed). */
    Dataset<Label> rows(int[] rows, String description) {
        return new DatasetView<>(dataset, rows, features, outputs, description);
    }

    /** Fits the scorecard's logistic regression on every example or on a view made by {@link #rows}. */
    LinearFit fit(Dataset<Label> data, double cost) {
        return LinearFit.fit(encoder, new CanonicalLibLinearTrainer(cost, LinearFit.MAX_ITERATIONS,
                LinearFit.TOLERANCE, dataset, rows).train(data), cost);
    }

    int size() {
        return dataset.size();
    }
}
