package org.mimamori.training.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.card.ModelCard;
import org.mimamori.training.synth.SynthConfig;
import org.mimamori.training.synth.SynthWriter;

/**
 * A demonstration model: the default schema trained on a seeded synthetic municipality, so that a fresh
 * installation has a working scorer. It is trained on made-up children and says so in its lineage and card;
 * it must never score real children.
 */
public final class DemoModel {

    /** Children in the synthetic municipality. */
    public static final int CHILDREN = 20_000;
    /** Its seed. */
    public static final long SEED = 7;

    private DemoModel() {
    }

    /**
     * Generates the synthetic data under {@code workDir/synthetic}, trains, and writes the bundle into
     * {@code workDir}.
     *
     * @return the bundle file
     */
    public static Path build(Path workDir) throws IOException, InterruptedException {
        FeatureSchema schema = SchemaLoader.loadDefault();
        Path data = workDir.resolve("synthetic");
        SynthWriter.write(SynthConfig.of(CHILDREN, SEED), schema, data);
        Path cases = data.resolve(SynthWriter.CASES);
        CaseCsv.Read read = CaseCsv.read(schema, cases);
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("input_file", "synthetic municipality (" + CHILDREN + " children, seed " + SEED
                + ") - DEMONSTRATION ONLY, not real children");
        lineage.put("input_sha256", Hashes.sha256(cases));
        lineage.put("schema_sha256", Hashes.sha256(schema.yaml()));
        TrainedModel model = new TrainingPipeline(TrainingSettings.defaults(), Progress.SILENT)
                .train(schema, read.cases(), lineage);
        ModelBundle bundle = BundleAssembly.assemble(model, ModelCard.files(model));
        return bundle.writeTo(workDir);
    }
}
