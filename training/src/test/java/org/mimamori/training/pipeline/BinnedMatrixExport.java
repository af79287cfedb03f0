package org.mimamori.training.pipeline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedMatrix;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;

/**
 * For {@code bench/sklearn_train.py}: writes the training split's binned matrix exactly as {@code train} builds it
 * (the same holdout split, encoder and rows), with its cross-validation folds and bootstrap resamples, so that
 * scikit-learn does the same work on the same matrix. Little-endian raw files in the output folder:
 * {@code features.i32} (rows × items active feature positions), {@code labels.u8}, {@code folds.u8},
 * {@code bootstrap.i32} (per resample its length, then its rows) and {@code shape.txt}.
 *
 * <p>Usage: {@code BinnedMatrixExport CASES.csv OUT_DIR}.
 */
public final class BinnedMatrixExport {

    private BinnedMatrixExport() {
    }

    public static void main(String[] args) throws IOException {
        FeatureSchema schema = SchemaLoader.loadDefault();
        TrainingSettings settings = TrainingSettings.defaults();
        List<Case> cases = CaseCsv.read(schema, Path.of(args[0])).cases();
        String label = schema.labelItem().id();
        List<Case> labelled = cases.stream().filter(c -> c.get(label).isKnown()).toList();
        Groups groups = Groups.of(schema, labelled);
        int[] split = Folds.assign(TrainingPipeline.labels(labelled), groups,
                (int) Math.round(1 / settings.holdoutShare()), settings.seed());
        int[] trainRows = Folds.rows(split, 0, false);
        List<Case> train = new ArrayList<>();
        for (int r : trainRows) {
            train.add(labelled.get(r));
        }
        Groups trainGroups = groups.subset(trainRows);
        boolean[] y = TrainingPipeline.labels(train);
        CaseEncoder encoder = CaseEncoder.fit(schema, train, EncodingStyle.SCORECARD, settings.bins());
        EncodedMatrix m = encoder.encodeAll(train);
        int[] fold = Folds.assign(y, trainGroups, settings.folds(), settings.seed());
        Path out = Files.createDirectories(Path.of(args[1]));
        ByteBuffer features = ByteBuffer.allocate(m.rows() * m.items() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < m.rows(); r++) {
            for (int k = 0; k < m.items(); k++) {
                features.putInt(m.feature(r, k));
            }
        }
        Files.write(out.resolve("features.i32"), features.array());
        byte[] labels = new byte[y.length];
        byte[] folds = new byte[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (byte) (y[i] ? 1 : 0);
            folds[i] = (byte) fold[i];
        }
        Files.write(out.resolve("labels.u8"), labels);
        Files.write(out.resolve("folds.u8"), folds);
        SplittableRandom random = new SplittableRandom(settings.seed() + 1);
        try (OutputStream o = Files.newOutputStream(out.resolve("bootstrap.i32"));
             DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(o, 1 << 16))) {
            for (int b = 0; b < settings.bootstrap(); b++) {
                int[] rows = Folds.resample(trainGroups, random);
                d.writeInt(Integer.reverseBytes(rows.length));
                for (int r : rows) {
                    d.writeInt(Integer.reverseBytes(r));
                }
            }
        }
        StringBuilder costs = new StringBuilder();
        for (double c : settings.costs()) {
            costs.append(costs.length() == 0 ? "" : ",").append(c);
        }
        Files.writeString(out.resolve("shape.txt"), "rows=" + m.rows() + "\nitems=" + m.items() + "\nfeatures="
                + encoder.features().size() + "\nfolds=" + settings.folds() + "\nbootstrap=" + settings.bootstrap()
                + "\ncosts=" + costs + "\ntolerance=" + LinearFit.TOLERANCE + "\n");
    }
}
