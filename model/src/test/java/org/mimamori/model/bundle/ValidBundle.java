package org.mimamori.model.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.calibration.IsotonicCalibrator;
import org.mimamori.model.calibration.PlattCalibrator;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.metrics.MetricsJson;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.scoring.BootstrapEnsemble;
import org.mimamori.model.scoring.LibLinearScorecards;
import org.mimamori.model.scoring.Scorecard;
import org.mimamori.model.scoring.ScoringSettings;
import org.mimamori.model.scoring.TrainingReference;
import org.mimamori.model.value.Value;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/** A small, sound bundle trained once on made-up cases, and zip helpers to break it in tests. */
final class ValidBundle {

    private static byte[] bytes;

    private ValidBundle() {
    }

    /** The bundle file's bytes. */
    static synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = build().bytes();
        }
        return bytes.clone();
    }

    /** A sound bundle calibrated by isotonic regression instead of Platt scaling. */
    static ModelBundle isotonic() {
        return build(true);
    }

    private static ModelBundle build() {
        return build(false);
    }

    private static ModelBundle build(boolean isotonic) {
        FeatureSchema schema = SchemaLoader.loadDefault();
        List<Case> training = cases(schema, 2000, 11);
        List<Case> holdout = cases(schema, 500, 12);
        CaseEncoder encoder = CaseEncoder.fit(schema, training, EncodingStyle.SCORECARD, BinSettings.DEFAULT);
        Model<Label> model = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 1.0, 1000, 0.001)
                .train(TribuoData.dataset(encoder, training, "test"));
        List<EncodedCase> encoded = training.stream().map(encoder::encode).toList();
        Scorecard scorecard = LibLinearScorecards.scorecard(encoder, model, encoded);
        boolean[] y = labels(training);
        double[] logits = encoded.stream().mapToDouble(scorecard::logit).toArray();
        Calibrator calibrator = isotonic ? IsotonicCalibrator.fit(logits, y) : PlattCalibrator.fit(logits, y);
        List<double[]> members = new ArrayList<>();
        double[] biases = new double[3];
        for (int m = 0; m < 3; m++) {
            double[] w = scorecard.weights();
            for (int i = 0; i < w.length; i++) {
                w[i] *= 0.9 + 0.1 * m;
            }
            members.add(w);
            biases[m] = scorecard.bias();
        }
        ScoreBands bands = ScoreBands.defaults();
        double[] p = holdout.stream().map(encoder::encode).mapToDouble(scorecard::logit)
                .map(calibrator::probability).toArray();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("schema", schema.id());
        metrics.put("training_cases", training.size());
        metrics.put("holdout_cases", holdout.size());
        metrics.put("calibration", calibrator.kind());
        metrics.put("holdout", Evaluation.of(p, labels(holdout), bands, 1));
        byte[] metricsJson;
        try {
            metricsJson = MetricsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ModelBundle.builder()
                .manifest(new BundleManifest(BundleManifest.FORMAT, schema.id(), "test scorecard", "test",
                        Map.of("bootstrap_refits", 3), Map.of("input_file", "made up")))
                .scorecard(scorecard, model)
                .calibrator(calibrator)
                .ensemble(new BootstrapEnsemble(members, biases))
                .reference(TrainingReference.of(encoder, training))
                .scoring(bands, ScoringSettings.DEFAULT)
                .entry("metrics.json", metricsJson)
                .entry("model-card.md", "# A test model\n".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static boolean[] labels(List<Case> cases) {
        boolean[] y = new boolean[cases.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = TribuoData.isPositive(cases.get(i));
        }
        return y;
    }

    private static List<Case> cases(FeatureSchema schema, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Value> m = new HashMap<>();
            int age = r.nextInt(18);
            m.put("age_years", Value.of(age));
            int absences = r.nextInt(3) == 0 ? r.nextInt(1, 40) : 0;
            if (r.nextInt(10) > 0) {
                m.put("absence_days_term", Value.of(absences));
            }
            int consultations = r.nextInt(4);
            m.put("prior_consultations", Value.of(consultations));
            m.put("child_rearing_allowance", Value.of(r.nextBoolean()));
            double logit = -2.5 + 0.8 * consultations + 0.05 * absences;
            m.put("need_confirmed_12m", Value.of(r.nextDouble() < 1 / (1 + Math.exp(-logit))));
            out.add(Case.resolve(schema, m));
        }
        return out;
    }

    /** The entries of a zip, in order. */
    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Entries zipped in order. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** The valid bundle with one entry's text changed. */
    static byte[] with(String entry, java.util.function.UnaryOperator<String> change) {
        Map<String, byte[]> entries = entries(bytes());
        String text = new String(entries.get(entry), StandardCharsets.UTF_8);
        String changed = change.apply(text);
        if (changed.equals(text)) {
            throw new IllegalArgumentException("the change left " + entry + " as it was");
        }
        entries.put(entry, changed.getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** The valid bundle with one entry's bytes replaced (null removes it). */
    static byte[] withBytes(String entry, byte[] content) {
        Map<String, byte[]> entries = entries(bytes());
        if (content == null) {
            entries.remove(entry);
        } else {
            entries.put(entry, content);
        }
        return zip(entries);
    }
}
