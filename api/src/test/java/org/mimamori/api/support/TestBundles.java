package org.mimamori.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;
import org.mimamori.training.card.ModelCard;
import org.mimamori.training.pipeline.BundleAssembly;
import org.mimamori.training.pipeline.Progress;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingPipeline;
import org.mimamori.training.pipeline.TrainingSettings;

/**
 * A small model bundle trained once per test JVM on seeded, made-up cases, so tests do not depend on the
 * demo model's size or training time.
 */
public final class TestBundles {

    private static Path bundle;
    private static Path other;
    private static Path withCard;
    private static Path third;
    private static Path otherSchema;
    private static Path shadow;
    private static Path synthetic;

    private TestBundles() {
    }

    /** The bundle file (under {@code target/}), trained on first use. */
    public static synchronized Path bundle() {
        if (bundle == null) {
            bundle = train("test-bundle", 11);
        }
        return bundle;
    }

    /** A second, different bundle of the same schema (other made-up cases), trained on first use. */
    public static synchronized Path other() {
        if (other == null) {
            other = train("test-bundle-other", 12);
        }
        return other;
    }

    /** A third bundle of the same schema with its model card (HTML in ja and en, PNG plots), trained on first use. */
    public static synchronized Path withCard() {
        if (withCard == null) {
            withCard = train("test-bundle-card", 13, SchemaLoader.loadDefault(), true);
        }
        return withCard;
    }

    /** A third bundle of the same schema, trained on first use. */
    public static synchronized Path third() {
        if (third == null) {
            third = train("test-bundle-third", 13);
        }
        return third;
    }

    /**
     * A bundle whose schema differs from the default one (the item {@code moves_last_3_years} removed), trained on
     * first use.
     */
    public static synchronized Path otherSchema() {
        if (otherSchema == null) {
            String yaml = SchemaLoader.loadDefault().yaml();
            String without = yaml.replaceFirst("(?m)^  - id: moves_last_3_years\n(    .*\n)+", "");
            if (without.equals(yaml)) {
                throw new IllegalStateException("the default schema has no item moves_last_3_years any more");
            }
            otherSchema = train("test-bundle-other-schema", 14, SchemaLoader.parse(without, "other-schema.yaml"));
        }
        return otherSchema;
    }

    /** Another bundle of the default schema (other made-up cases again), for the shadow tests; trained on first use. */
    public static synchronized Path shadow() {
        if (shadow == null) {
            shadow = train("test-bundle-shadow", 15);
        }
        return shadow;
    }

    /**
     * A bundle trained on a synthetic municipality ({@code synth}: 4,000 children, seed 41), so that cohorts from
     * the same generator are its training distribution (the drift test); trained on first use.
     */
    public static synchronized Path synthetic() {
        if (synthetic == null) {
            FeatureSchema schema = SchemaLoader.loadDefault();
            org.mimamori.training.synth.SyntheticMunicipality town = new org.mimamori.training.synth
                    .SyntheticMunicipality(org.mimamori.training.synth.SynthConfig.of(4000, 41));
            org.mimamori.training.synth.CaseRecorder recorder = new org.mimamori.training.synth.CaseRecorder(schema,
                    town.config().missingRates());
            synthetic = train("test-bundle-synthetic", schema, town.population().stream().map(recorder::record)
                    .toList());
        }
        return synthetic;
    }

    private static Path train(String folder, long seed) {
        return train(folder, seed, SchemaLoader.loadDefault());
    }

    private static Path train(String folder, long seed, FeatureSchema schema) {
        return train(folder, schema, cases(schema, 4000, seed), false);
    }

    private static Path train(String folder, long seed, FeatureSchema schema, boolean card) {
        return train(folder, schema, cases(schema, 4000, seed), card);
    }

    private static Path train(String folder, FeatureSchema schema, List<Case> cases) {
        return train(folder, schema, cases, false);
    }

    private static Path train(String folder, FeatureSchema schema, List<Case> cases, boolean card) {
        try {
            Path dir = Files.createDirectories(Path.of("target", folder));
            TrainedModel model = new TrainingPipeline(TrainingSettings.defaults().withBootstrap(8),
                    Progress.SILENT).train(schema, cases, Map.of("input_file", "test"));
            ModelBundle b = BundleAssembly.assemble(model, card ? ModelCard.files(model) : Map.of());
            return b.writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Case> cases(FeatureSchema schema, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Value> m = new HashMap<>();
            int age = r.nextInt(18);
            m.put("child_ref", Value.category(String.format("C%07d", i)));
            m.put("age_years", Value.of(age));
            int absences = r.nextInt(3) == 0 ? r.nextInt(1, 40) : 0;
            if (r.nextInt(10) > 0) {
                m.put("absence_days_term", Value.of(absences));
            }
            int consultations = r.nextInt(10) == 0 ? r.nextInt(1, 5) : 0;
            m.put("prior_consultations", Value.of(consultations));
            boolean allowance = r.nextInt(5) == 0;
            m.put("child_rearing_allowance", Value.of(allowance));
            m.put("household_size", Value.of(r.nextInt(1, 8)));
            m.put("single_parent", Value.of(r.nextInt(6) == 0));
            m.put("already_supported", Value.of(consultations > 1));
            double school = age >= 6 && age <= 15 ? 0.08 * absences : 0;
            double logit = -3 + 0.9 * consultations + school + (allowance ? 0.7 : 0);
            m.put("need_confirmed_12m", Value.of(r.nextDouble() < 1 / (1 + Math.exp(-logit))));
            out.add(Case.resolve(schema, m));
        }
        return out;
    }
}
