package org.mimamori.training.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Parameter;
import org.tribuo.Dataset;
import org.tribuo.dataset.DatasetView;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.provenance.ModelProvenance;

/**
 * Tribuo's liblinear logistic-regression trainer, with the provenance of its models in a canonical form: the
 * training time and the data source's creation time are {@link #FIXED_TIME} and the Java version, operating
 * system and architecture are left out, so that the same data and settings give the same model bytes on any
 * machine. Everything else Tribuo records (dataset sizes, trainer settings, versions) is kept.
 */
final class CanonicalLibLinearTrainer extends LibLinearClassificationTrainer {

    /** The time written wherever Tribuo would write the clock's time. */
    static final OffsetDateTime FIXED_TIME = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** Rows shared by every fit on one dataset and its views, or null to extract them from the examples. */
    private final LibLinearRows shared;
    private final Dataset<Label> base;
    private final ThreadLocal<Selection> pending = new ThreadLocal<>();

    CanonicalLibLinearTrainer(double cost, int maxIterations, double tolerance) {
        this(cost, maxIterations, tolerance, null, null);
    }

    /**
     * A trainer that reads the rows of {@code base} (or of a {@link DatasetView} of it) from {@code shared}
     * instead of converting the examples again, and fits them with {@link LibLinearSolver} (liblinear's own solver
     * ported to the shared rows' compact layout); the rows are what Tribuo would extract and the solver does what
     * liblinear's does, so the model is the same, bit for bit.
     */
    CanonicalLibLinearTrainer(double cost, int maxIterations, double tolerance, Dataset<Label> base,
                              LibLinearRows shared) {
        super(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, maxIterations, tolerance);
        this.base = base;
        this.shared = shared;
    }

    @Override
    protected Pair<FeatureNode[][], double[][]> extractData(Dataset<Label> data, ImmutableOutputInfo<Label> outputInfo,
                                                            ImmutableFeatureMap featureMap) {
        if (shared == null) {
            return super.extractData(data, outputInfo, featureMap);
        }
        if (featureMap.size() != shared.features().size()) {
            throw new IllegalStateException("the shared rows were built for another feature map");
        }
        int[] selected;
        if (data == base) {
            selected = null;
        } else if (data instanceof DatasetView<Label> view && view.size() == view.getExampleIndices().length) {
            selected = view.getExampleIndices();
        } else {
            throw new IllegalStateException("the shared rows belong to another dataset");
        }
        // Tribuo passes what this returns straight to trainModels on the same thread: the rows are placeholders,
        // trainModels reads the selection from the shared rows (LibLinearSolver).
        int size = selected == null ? shared.size() : selected.length;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = shared.outputs()[selected == null ? i : selected[i]];
        }
        FeatureNode[][] placeholders = new FeatureNode[size][];
        pending.set(new Selection(placeholders, selected));
        return new Pair<>(placeholders, new double[][] {y});
    }

    @Override
    protected List<de.bwaldvogel.liblinear.Model> trainModels(Parameter curParams, int numFeatures,
                                                             FeatureNode[][] features, double[][] outputs) {
        Selection selection = pending.get();
        pending.remove();
        if (selection == null || selection.placeholders() != features) {
            return super.trainModels(curParams, numFeatures, features, outputs);
        }
        return List.of(LibLinearSolver.train(shared, selection.rows(), curParams, numFeatures));
    }

    /** The rows of the fit that {@link #extractData} prepared (null: every shared row) and what it returned. */
    private record Selection(FeatureNode[][] placeholders, int[] rows) {
    }

    @Override
    protected LibLinearModel<Label> createModel(ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                                                ImmutableOutputInfo<Label> outputIDInfo,
                                                List<de.bwaldvogel.liblinear.Model> models) {
        @SuppressWarnings("unchecked")
        Map<String, Provenance> instance = (Map<String, Provenance>) (Map<String, ?>)
                provenance.getInstanceProvenance().getMap();
        ModelProvenance canonical = new ModelProvenance(provenance.getClassName(), FIXED_TIME,
                provenance.getDatasetProvenance(), provenance.getTrainerProvenance(), instance, false);
        return super.createModel(canonical, featureIDMap, outputIDInfo, models);
    }
}
