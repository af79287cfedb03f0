package org.mimamori.training.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
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

    CanonicalLibLinearTrainer(double cost, int maxIterations, double tolerance) {
        super(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, maxIterations, tolerance);
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
