package org.mimamori.model.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.calibration.CalibratorJson;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.BootstrapEnsemble;
import org.mimamori.model.scoring.Scorecard;
import org.mimamori.model.scoring.Scorer;
import org.mimamori.model.scoring.ScoringSettings;
import org.mimamori.model.scoring.TrainingReference;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * A trained model as one zip file named by its content hash: the Tribuo model (protobuf), the schema it was
 * trained with, the encoder's bins, the scorecard, the calibration map, the bootstrap ensemble, reference
 * statistics of the training inputs, the metrics, Tribuo provenance as JSON and the model card. It holds no
 * case records, so it may be shared between municipalities; data may not.
 *
 * <p>Reading a bundle is physically bounded ({@link BundleLimits}) and checks every entry and how they fit
 * together, so a broken bundle is refused with every problem named ({@link InvalidBundleException}).
 *
 * <p>The zip is written deterministically (fixed entry order and times), so the same content always gives
 * the same file and version. Immutable.
 */
public final class ModelBundle {

    static final String MANIFEST = "manifest.json";
    static final String SCHEMA = "schema.yaml";
    static final String ENCODER = "encoder.json";
    static final String SCORECARD = "scorecard.json";
    static final String TRIBUO_MODEL = "model.tribuo.pb";
    static final String CALIBRATION = "calibration.json";
    static final String ENSEMBLE = "ensemble.json";
    static final String BANDS = "bands.json";
    static final String SCORING = "scoring-settings.json";
    static final String REFERENCE = "reference.json";
    static final String PROBES = "probes.json";
    static final String METRICS = "metrics.json";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final byte[] bytes;
    private final String version;
    private final BundleManifest manifest;
    private final FeatureSchema schema;
    private final Scorecard scorecard;
    private final Calibrator calibrator;
    private final BootstrapEnsemble ensemble;
    private final TrainingReference reference;
    private final ScoreBands bands;
    private final ScoringSettings settings;
    private final List<String> warnings;
    private final Map<String, byte[]> entries;

    private ModelBundle(byte[] bytes, Map<String, byte[]> entries, BundleCheck.Parts parts) {
        this.bytes = bytes;
        this.version = HexFormat.of().formatHex(sha256(bytes)).substring(0, 16);
        this.entries = entries;
        this.manifest = parts.manifest();
        this.schema = parts.schema();
        this.scorecard = parts.scorecard();
        this.calibrator = parts.calibrator();
        this.ensemble = parts.ensemble();
        this.reference = parts.reference();
        this.bands = parts.bands();
        this.settings = parts.settings();
        this.warnings = parts.warnings();
    }

    /** Reads and checks a bundle file within the {@linkplain BundleLimits#DEFAULT default limits}. */
    public static ModelBundle read(Path file) throws IOException {
        return read(file, BundleLimits.DEFAULT);
    }

    /**
     * Reads and checks a bundle file within limits; the file's size is checked before it is read.
     *
     * @throws InvalidBundleException naming every problem found
     */
    public static ModelBundle read(Path file, BundleLimits limits) throws IOException {
        if (Files.size(file) > limits.maxFileBytes()) {
            throw new InvalidBundleException(List.of(limits.tooLarge()));
        }
        return read(Files.readAllBytes(file), limits);
    }

    /** Reads and checks a bundle from its bytes within the {@linkplain BundleLimits#DEFAULT default limits}. */
    public static ModelBundle read(byte[] zip) {
        return read(zip, BundleLimits.DEFAULT);
    }

    /**
     * Reads a bundle from its bytes, bounded by the limits, and checks every entry and how they fit together
     * (see the README's Model bundles section).
     *
     * @throws InvalidBundleException naming every problem found
     */
    public static ModelBundle read(byte[] zip, BundleLimits limits) {
        Map<String, byte[]> entries = BundleZip.read(zip, limits);
        return new ModelBundle(zip.clone(), entries, BundleCheck.check(entries));
    }

    /** Starts a new bundle. */
    public static Builder builder() {
        return new Builder();
    }

    /** The version: the first 16 hex digits of the SHA-256 of the bundle file. */
    public String version() {
        return version;
    }

    /** The file name this bundle is stored under: {@code mimamori-<schema>-<version>.zip}. */
    public String fileName() {
        return "mimamori-" + schema.id() + "-" + version + ".zip";
    }

    /** The bundle file's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** What the bundle is. */
    public BundleManifest manifest() {
        return manifest;
    }

    /** The schema the model was trained with. */
    public FeatureSchema schema() {
        return schema;
    }

    /** The production scorecard. */
    public Scorecard scorecard() {
        return scorecard;
    }

    /** The calibration map. */
    public Calibrator calibrator() {
        return calibrator;
    }

    /** The bootstrap ensemble. */
    public BootstrapEnsemble ensemble() {
        return ensemble;
    }

    /** Reference statistics of the training inputs. */
    public TrainingReference reference() {
        return reference;
    }

    /** The score bands. */
    public ScoreBands bands() {
        return bands;
    }

    /** What could not be checked when the bundle was read (e.g. an older bundle without probe cases). */
    public List<String> warnings() {
        return warnings;
    }

    /** A scorer for this bundle. */
    public Scorer scorer() {
        return new Scorer(version, scorecard, calibrator, ensemble, reference, bands, settings);
    }

    /** The Tribuo model, deserialised from its protobuf entry. */
    @SuppressWarnings("unchecked")
    public Model<Label> tribuoModel() {
        try {
            return (Model<Label>) Model.deserialize(ModelProto.parseFrom(entries.get(TRIBUO_MODEL)));
        } catch (IOException e) {
            throw new InvalidBundleException("Tribuo モデルを読み取れません：" + e.getMessage(),
                    "cannot read the Tribuo model: " + e.getMessage(), e);
        }
    }

    /** Any entry by name (e.g. {@code metrics.json}, {@code model-card.md}, {@code plots/roc.png}). */
    public Optional<byte[]> entry(String name) {
        byte[] b = entries.get(name);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    /** The names of all entries, in file order. */
    public java.util.Set<String> entryNames() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    /** Writes the bundle into a folder under {@link #fileName()} and returns the file. */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName());
        Files.write(file, bytes);
        return file;
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Assembles a bundle; every core part is required. */
    public static final class Builder {
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private final Map<String, byte[]> extra = new LinkedHashMap<>();
        private CaseEncoder encoder;
        private Scorecard scorecard;
        private Calibrator calibrator;
        private BootstrapEnsemble ensemble;
        private ScoreBands bands;
        private ScoringSettings settings;

        private Builder() {
        }

        /** The manifest. */
        public Builder manifest(BundleManifest manifest) {
            entries.put(MANIFEST, BundleJson.write(manifest));
            return this;
        }

        /** The scorecard with its encoder and schema, and the Tribuo model it was read from. */
        public Builder scorecard(Scorecard scorecard, Model<Label> tribuoModel) {
            entries.put(SCHEMA, scorecard.encoder().schema().yaml().getBytes(StandardCharsets.UTF_8));
            entries.put(ENCODER, BundleJson.write(scorecard.encoder().state()));
            entries.put(SCORECARD, BundleJson.write(ScorecardJson.of(scorecard)));
            entries.put(TRIBUO_MODEL, tribuoModel.serialize().toByteArray());
            this.encoder = scorecard.encoder();
            this.scorecard = scorecard;
            return this;
        }

        /** The calibration map. */
        public Builder calibrator(Calibrator calibrator) {
            entries.put(CALIBRATION, CalibratorJson.write(calibrator).getBytes(StandardCharsets.UTF_8));
            this.calibrator = calibrator;
            return this;
        }

        /** The bootstrap ensemble (after {@link #scorecard}). */
        public Builder ensemble(BootstrapEnsemble ensemble) {
            entries.put(ENSEMBLE, BundleJson.write(EnsembleJson.of(encoder, ensemble)));
            this.ensemble = ensemble;
            return this;
        }

        /** Reference statistics of the training inputs. */
        public Builder reference(TrainingReference reference) {
            entries.put(REFERENCE, BundleJson.write(reference));
            return this;
        }

        /** The score bands and the scoring settings. */
        public Builder scoring(ScoreBands bands, ScoringSettings settings) {
            entries.put(BANDS, BundleJson.write(bands));
            entries.put(SCORING, BundleJson.write(settings));
            this.bands = bands;
            this.settings = settings;
            return this;
        }

        /** Any further entry: metrics, provenance, model card, plots. */
        public Builder entry(String name, byte[] content) {
            extra.put(name, content.clone());
            return this;
        }

        /**
         * Zips the entries (core parts first, then the probe cases scored by the parts given, then the others in
         * the order added) and reads the result back, checking it as every bundle is checked.
         *
         * @throws InvalidBundleException when the result is not a sound bundle
         */
        public ModelBundle build() {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
                Map<String, byte[]> all = new LinkedHashMap<>(entries);
                if (scorecard != null && calibrator != null && ensemble != null && bands != null && settings != null) {
                    all.put(PROBES, ProbeCases.write(new ScoringParts(scorecard, calibrator, ensemble, bands,
                            settings)));
                }
                extra.remove(PROBES);
                all.putAll(extra);
                for (Map.Entry<String, byte[]> e : all.entrySet()) {
                    ZipEntry z = new ZipEntry(e.getKey());
                    z.setTimeLocal(ENTRY_TIME);
                    zip.putNextEntry(z);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return read(buffer.toByteArray());
        }
    }
}
