package org.mimamori.model.bundle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.calibration.IsotonicCalibrator;
import org.mimamori.model.calibration.PlattCalibrator;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncoderState;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.InvalidSchemaException;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.schema.SchemaProblem;
import org.mimamori.model.scoring.BootstrapEnsemble;
import org.mimamori.model.scoring.Scorecard;
import org.mimamori.model.scoring.ScoringSettings;
import org.mimamori.model.scoring.TrainingReference;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Parses and checks every entry of a bundle and how they fit together, collecting every problem found: first
 * each entry on its own (present, not empty, readable, its numbers usable), then — when all are sound — the
 * cross-checks: the Tribuo model against the scorecard, the probe cases re-scored ({@link ProbeCases}) and the
 * holdout metrics ({@link MetricsCheck}). A bundle without probe cases or metrics (written before they existed)
 * is accepted with a warning.
 */
final class BundleCheck {

    static final List<String> REQUIRED = List.of(ModelBundle.MANIFEST, ModelBundle.SCHEMA, ModelBundle.ENCODER,
            ModelBundle.SCORECARD, ModelBundle.TRIBUO_MODEL, ModelBundle.CALIBRATION, ModelBundle.ENSEMBLE,
            ModelBundle.BANDS, ModelBundle.SCORING, ModelBundle.REFERENCE);

    /**
     * A checked bundle's parts.
     *
     * @param manifest   the manifest
     * @param schema     the schema
     * @param scorecard  the scorecard
     * @param calibrator the calibration map
     * @param ensemble   the bootstrap ensemble
     * @param reference  the reference statistics
     * @param bands      the score bands
     * @param settings   the scoring settings
     * @param warnings   what could not be checked, for people
     */
    record Parts(BundleManifest manifest, FeatureSchema schema, Scorecard scorecard, Calibrator calibrator,
                 BootstrapEnsemble ensemble, TrainingReference reference, ScoreBands bands, ScoringSettings settings,
                 List<String> warnings) {

        ScoringParts scoring() {
            return new ScoringParts(scorecard, calibrator, ensemble, bands, settings);
        }
    }

    private BundleCheck() {
    }

    /**
     * Checks the entries of a bundle.
     *
     * @throws InvalidBundleException naming every problem found
     */
    static Parts check(Map<String, byte[]> entries) {
        Findings f = new Findings();
        for (String name : REQUIRED) {
            if (!entries.containsKey(name)) {
                f.add(name, "ファイルがありません（どのモデルバンドルにも必要です）", "is missing; every model bundle has it");
            } else if (entries.get(name).length == 0) {
                f.add(name, "ファイルが空です", "is empty");
            }
        }
        for (String name : List.of(ModelBundle.PROBES, ModelBundle.METRICS)) {
            if (entries.containsKey(name) && entries.get(name).length == 0) {
                f.add(name, "ファイルが空です", "is empty");
            }
        }
        f.throwIfAny();
        BundleManifest manifest = EntryJson.read(BundleJson.MAPPER, entries.get(ModelBundle.MANIFEST),
                ModelBundle.MANIFEST, BundleManifest.class, f);
        if (manifest != null && manifest.format() != BundleManifest.FORMAT) {
            f.add(ModelBundle.MANIFEST, "バンドル形式 " + manifest.format() + " ですが、このバージョンが読めるのは形式 "
                    + BundleManifest.FORMAT + " です", "is of bundle format " + manifest.format()
                    + ", but this version reads format " + BundleManifest.FORMAT);
        }
        FeatureSchema schema = schema(entries.get(ModelBundle.SCHEMA), f);
        if (manifest != null && schema != null && !schema.id().equals(manifest.schema())) {
            f.add(ModelBundle.MANIFEST, "スキーマ " + manifest.schema() + " を指定していますが、schema.yaml は "
                    + schema.id() + " です", "names schema " + manifest.schema() + ", but schema.yaml is " + schema.id());
        }
        CaseEncoder encoder = null;
        if (schema != null) {
            EncoderState state = EntryJson.read(BundleJson.MAPPER, entries.get(ModelBundle.ENCODER),
                    ModelBundle.ENCODER, EncoderState.class, f);
            encoder = state == null ? null : WeightChecks.encoder(schema, state, f);
        }
        Scorecard scorecard = null;
        BootstrapEnsemble ensemble = null;
        TrainingReference reference = null;
        if (encoder != null) {
            ScorecardJson card = EntryJson.read(BundleJson.MAPPER, entries.get(ModelBundle.SCORECARD),
                    ModelBundle.SCORECARD, ScorecardJson.class, f);
            scorecard = card == null ? null : WeightChecks.scorecard(encoder, card, f);
            EnsembleJson members = EntryJson.read(BundleJson.MAPPER, entries.get(ModelBundle.ENSEMBLE),
                    ModelBundle.ENSEMBLE, EnsembleJson.class, f);
            ensemble = members == null ? null : WeightChecks.ensemble(encoder, members, f);
            reference = EntryJson.read(BundleJson.MAPPER, entries.get(ModelBundle.REFERENCE), ModelBundle.REFERENCE,
                    TrainingReference.class, f);
            if (reference != null && !ReferenceCheck.check(encoder, reference, f)) {
                reference = null;
            }
        }
        Calibrator calibrator = calibrator(entries.get(ModelBundle.CALIBRATION), f);
        ScoreBands bands = EntryJson.read(BundleJson.MAPPER, entries.get(ModelBundle.BANDS), ModelBundle.BANDS,
                ScoreBands.class, f);
        if (bands != null) {
            bands(bands, f);
        }
        ScoringSettings settings = EntryJson.read(BundleJson.MAPPER, entries.get(ModelBundle.SCORING),
                ModelBundle.SCORING, ScoringSettings.class, f);
        Model<Label> tribuo = TribuoCheck.parse(entries.get(ModelBundle.TRIBUO_MODEL), f);
        f.throwIfAny();

        Parts parts = new Parts(manifest, schema, scorecard, calibrator, ensemble, reference, bands, settings,
                List.of());
        manifest(manifest, parts, f);
        TribuoCheck.agree(tribuo, scorecard, ProbeCases.cases(encoder), f);
        byte[] probes = entries.get(ModelBundle.PROBES);
        if (probes == null) {
            f.warn(ModelBundle.PROBES + " is missing (a bundle written before probe cases existed), so the smoke "
                    + "check of re-scoring them could not run");
        } else {
            ProbeCases.check(probes, parts.scoring(), f);
        }
        byte[] metrics = entries.get(ModelBundle.METRICS);
        if (metrics == null) {
            f.warn(ModelBundle.METRICS + " is missing, so the holdout metrics could not be checked");
        } else {
            MetricsCheck.check(metrics, parts, f);
        }
        f.throwIfAny();
        return new Parts(manifest, schema, scorecard, calibrator, ensemble, reference, bands, settings, f.warnings());
    }

    private static FeatureSchema schema(byte[] yaml, Findings f) {
        try {
            return SchemaLoader.parse(new String(yaml, StandardCharsets.UTF_8), ModelBundle.SCHEMA);
        } catch (InvalidSchemaException e) {
            for (SchemaProblem p : e.problems()) {
                f.add(ModelBundle.SCHEMA,
                        (p.line() > 0 ? p.line() + " 行目の " : "") + p.path() + " に問題があります：" + p.text().ja(),
                        (p.line() > 0 ? "line " + p.line() + ": " : "") + p.path() + ": " + p.text().en());
            }
        } catch (RuntimeException e) {
            f.add(ModelBundle.SCHEMA, "読み込めるスキーマではありません", "is not a schema that can be loaded");
        }
        return null;
    }

    private static Calibrator calibrator(byte[] json, Findings f) {
        String e = ModelBundle.CALIBRATION;
        Calibrator c = EntryJson.read(BundleJson.MAPPER, json, e, Calibrator.class, f);
        if (c instanceof PlattCalibrator p) {
            Numbers.check(f, e, "Platt の傾き", "the Platt slope", p.a());
            Numbers.check(f, e, "Platt の切片", "the Platt intercept", p.b());
        } else if (c instanceof IsotonicCalibrator i) {
            for (double x : i.logits()) {
                if (Numbers.unusable(x) != null) {
                    f.add(e, "isotonic 較正のしきい値に、妥当な大きさの有限の数値でないものがあります",
                            "the isotonic thresholds are not all finite numbers of plausible size");
                    break;
                }
            }
        }
        return c;
    }

    /** Bands already start at 0 and increase (their constructor); each also needs both meanings. */
    private static void bands(ScoreBands bands, Findings f) {
        for (ScoreBand b : bands.bands()) {
            if (b.meaning().ja() == null || b.meaning().ja().isBlank() || b.meaning().en() == null
                    || b.meaning().en().isBlank()) {
                f.add(ModelBundle.BANDS, "区分 " + b.id() + " には日本語と英語の意味が必要です",
                        "band " + b.id() + " needs its meaning in Japanese and English");
            }
        }
    }

    /** The manifest's training settings must describe the parts that are there. */
    private static void manifest(BundleManifest manifest, Parts parts, Findings f) {
        Map<String, Object> settings = manifest.settings() == null ? Map.of() : manifest.settings();
        if (settings.get("bootstrap_refits") instanceof Number refits
                && refits.intValue() != parts.ensemble().size()) {
            f.add(ModelBundle.MANIFEST, "ブートストラップ再学習を " + refits + " 回としていますが、ensemble.json には "
                    + parts.ensemble().size() + " 個あります", "says " + refits + " bootstrap refits, but ensemble.json "
                    + "holds " + parts.ensemble().size());
        }
        if (settings.get("band_thresholds") instanceof List<?> thresholds) {
            double[] lower = parts.bands().thresholds();
            boolean same = thresholds.size() == lower.length;
            for (int i = 0; same && i < lower.length; i++) {
                same = thresholds.get(i) instanceof Number x && x.doubleValue() == lower[i];
            }
            if (!same) {
                String stored = java.util.Arrays.toString(lower);
                f.add(ModelBundle.MANIFEST, "区分のしきい値を " + thresholds + " としていますが、bands.json では " + stored
                        + " です", "lists band thresholds " + thresholds + ", but bands.json has " + stored);
            }
        }
    }
}
