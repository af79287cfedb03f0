package org.mimamori.training.pipeline;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedMatrix;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * The training rows in liblinear's form, built once from the {@link EncodedMatrix} and shared, read-only, by every
 * fit on them (cross-validation folds, the final fit, bootstrap refits): exactly what Tribuo's liblinear trainer
 * would extract from the dataset's examples (features by Tribuo id + 1, ascending, then the bias feature; the
 * output's Tribuo id as the target), so fits give the same weights. Kept compact: one {@code int[]} of feature
 * positions with row offsets, and the values only when they are not all 1 (the raw encoding); liblinear's own
 * feature nodes are made only if a fit needs them (see {@link LibLinearSolver}).
 */
final class LibLinearRows {

    private final int[] start;
    private final int[] index;
    private final double[] values;
    private final double[] outputs;
    private final ImmutableFeatureMap features;

    private LibLinearRows(int[] start, int[] index, double[] values, double[] outputs, ImmutableFeatureMap features) {
        this.start = start;
        this.index = index;
        this.values = values;
        this.outputs = outputs;
        this.features = features;
    }

    /**
     * @param encoder  the encoder of the matrix
     * @param matrix   the encoded rows
     * @param labels   per row, whether it is positive
     * @param features the dataset's Tribuo feature map
     * @param outputs  the dataset's Tribuo output ids
     */
    static LibLinearRows of(CaseEncoder encoder, EncodedMatrix matrix, boolean[] labels, ImmutableFeatureMap features,
                            ImmutableOutputInfo<Label> outputs) {
        int[] id = new int[encoder.features().size()];
        for (int f = 0; f < id.length; f++) {
            id[f] = features.getID(encoder.features().get(f).name());
        }
        int bias = features.size(); // liblinear's index features.size() + 1, 0-based
        int items = matrix.items();
        int rows = matrix.rows();
        int[] start = new int[rows + 1];
        int[] index = new int[rows * (items + 1)];
        double[] values = new double[rows * (items + 1)];
        boolean ones = true;
        double[] y = new double[rows];
        double positive = outputs.getID(org.mimamori.model.encoding.TribuoData.POSITIVE);
        double negative = outputs.getID(org.mimamori.model.encoding.TribuoData.NEGATIVE);
        int[] bufferIndex = new int[items];
        double[] bufferValue = new double[items];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            int n = 0;
            for (int k = 0; k < items; k++) {
                int f = matrix.feature(r, k);
                if (id[f] < 0) {
                    continue; // a feature the dataset never saw: Tribuo drops it too
                }
                bufferIndex[n] = id[f];
                bufferValue[n] = matrix.value(r, k);
                n++;
            }
            // Tribuo's feature ids need not follow the encoder's order: sort by id (few elements, insertion sort).
            for (int i = 1; i < n; i++) {
                int xi = bufferIndex[i];
                double xv = bufferValue[i];
                int j = i - 1;
                while (j >= 0 && bufferIndex[j] > xi) {
                    bufferIndex[j + 1] = bufferIndex[j];
                    bufferValue[j + 1] = bufferValue[j];
                    j--;
                }
                bufferIndex[j + 1] = xi;
                bufferValue[j + 1] = xv;
            }
            for (int i = 0; i < n; i++) {
                index[p] = bufferIndex[i];
                values[p] = bufferValue[i];
                ones &= Double.doubleToRawLongBits(bufferValue[i]) == Double.doubleToRawLongBits(1.0);
                p++;
            }
            index[p] = bias;
            values[p] = 1.0;
            p++;
            start[r + 1] = p;
            y[r] = labels[r] ? positive : negative;
        }
        int[] compactIndex = p == index.length ? index : java.util.Arrays.copyOf(index, p);
        double[] compactValues = ones ? null : java.util.Arrays.copyOf(values, p);
        return new LibLinearRows(start, compactIndex, compactValues, y, features);
    }

    /** How many rows. */
    int size() {
        return outputs.length;
    }

    /** The feature map the rows were built for. */
    ImmutableFeatureMap features() {
        return features;
    }

    /** The Tribuo output id of every row. */
    double[] outputs() {
        return outputs;
    }

    /** The row offsets into {@link #index()}, {@code size() + 1} of them. */
    int[] start() {
        return start;
    }

    /** The feature positions of every row (liblinear's index − 1, ascending in a row, the bias last). */
    int[] index() {
        return index;
    }

    /** The values in the places of {@link #index()}, or null when they are all 1. */
    double[] values() {
        return values;
    }
}
