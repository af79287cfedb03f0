package org.mimamori.training.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.mimamori.model.bundle.BundleJson;
import org.mimamori.model.bundle.BundleManifest;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.metrics.MetricsJson;

/** Writes a {@link TrainedModel} and its documents (model card, plots) into a {@link ModelBundle}. */
public final class BundleAssembly {

    /** The production model family, as stated in every bundle and model card. */
    public static final String MODEL_FAMILY = "scorecard: L2-regularised logistic regression over quantile-binned items";

    private BundleAssembly() {
    }

    /**
     * Assembles the bundle.
     *
     * @param model     the trained parts
     * @param documents further entries by name, e.g. {@code model-card.md}, {@code plots/roc.png}
     */
    public static ModelBundle assemble(TrainedModel model, Map<String, byte[]> documents) {
        TrainingSettings s = model.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("folds", s.folds());
        settings.put("costs_tried", Arrays.stream(s.costs()).boxed().toList());
        settings.put("cost_chosen", model.report().chosenCost());
        settings.put("bootstrap_refits", s.bootstrap());
        settings.put("holdout_share", s.holdoutShare());
        settings.put("calibration", s.calibration());
        settings.put("seed", s.seed());
        settings.put("refit_all", s.refitAll());
        if (s.compare()) {
            settings.put("comparison_max_training_rows", s.compareRows());
        }
        settings.put("max_bins", s.bins().maxBins());
        settings.put("band_thresholds", Arrays.stream(s.bands().thresholds()).boxed().toList());
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, model.scorecard().encoder().schema().id(),
                MODEL_FAMILY, "mimamori-training " + version(), settings, model.report().lineage());
        ModelBundle.Builder b = ModelBundle.builder()
                .manifest(manifest)
                .scorecard(model.scorecard(), model.tribuoModel())
                .calibrator(model.calibrator())
                .ensemble(model.ensemble())
                .reference(model.reference())
                .scoring(s.bands(), s.scoring())
                .entry("metrics.json", metricsJson(model.report()))
                .entry("provenance.json", BundleJson.write(ProvenanceUtil.convertToMap(model.tribuoModel().getProvenance())));
        documents.forEach(b::entry);
        return b.build();
    }

    /** The training report as {@code metrics.json}: snake_case keys, undefined numbers as null. */
    static byte[] metricsJson(TrainingReport report) {
        try {
            return MetricsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the training report", e);
        }
    }

    static String version() {
        String v = BundleAssembly.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
