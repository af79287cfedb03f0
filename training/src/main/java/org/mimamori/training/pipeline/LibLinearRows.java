package org.mimamori.training.pipeline;

import java.util.HashMap;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.util.Pair;
import de.bwaldvogel.liblinear.FeatureNode;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedMatrix;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * The training rows in liblinear's form, built once from the {@link EncodedMatrix} and shared, read-only, by every
 * fit on them (cross-validation folds, the final fit, bootstrap refits): exactly what Tribuo's liblinear trainer
 * would extract from the dataset's examples (features by Tribuo id + 1, ascending, then the bias feature; the
 * output's Tribuo id as the target), so fits give the same weights. Feature nodes are shared between rows (one per
 * feature and value; liblinear's logistic-regression solver never changes them), which keeps the rows a few
 * pointers each and the solver's passes over them cache-friendly.
 */
final class LibLinearRows {

    private final FeatureNode[][] rows;
    private final double[] outputs;
    private final ImmutableFeatureMap features;

    private LibLinearRows(FeatureNode[][] rows, double[] outputs, ImmutableFeatureMap features) {
        this.rows = rows;
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
        FeatureNode bias = new FeatureNode(features.size() + 1, 1.0);
        Map<Long, FeatureNode>[] nodes = nodeMaps(id.length);
        FeatureNode[] ones = new FeatureNode[id.length];
        for (int f = 0; f < id.length; f++) {
            ones[f] = id[f] < 0 ? null : new FeatureNode(id[f] + 1, 1.0);
        }
        int items = matrix.items();
        FeatureNode[][] rows = new FeatureNode[matrix.rows()][];
        double[] y = new double[matrix.rows()];
        double positive = outputs.getID(org.mimamori.model.encoding.TribuoData.POSITIVE);
        double negative = outputs.getID(org.mimamori.model.encoding.TribuoData.NEGATIVE);
        FeatureNode[] buffer = new FeatureNode[items + 1];
        for (int r = 0; r < rows.length; r++) {
            int n = 0;
            for (int k = 0; k < items; k++) {
                int f = matrix.feature(r, k);
                if (id[f] < 0) {
                    continue; // a feature the dataset never saw: Tribuo drops it too
                }
                double v = matrix.value(r, k);
                buffer[n++] = v == 1.0 ? ones[f]
                        : nodes[f].computeIfAbsent(Double.doubleToLongBits(v), b -> new FeatureNode(id[f] + 1, v));
            }
            // Tribuo's feature ids need not follow the encoder's order: sort by id (few elements, insertion sort).
            for (int i = 1; i < n; i++) {
                FeatureNode x = buffer[i];
                int j = i - 1;
                while (j >= 0 && buffer[j].getIndex() > x.getIndex()) {
                    buffer[j + 1] = buffer[j];
                    j--;
                }
                buffer[j + 1] = x;
            }
            buffer[n++] = bias;
            rows[r] = java.util.Arrays.copyOf(buffer, n);
            y[r] = labels[r] ? positive : negative;
        }
        return new LibLinearRows(rows, y, features);
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, FeatureNode>[] nodeMaps(int n) {
        Map<Long, FeatureNode>[] maps = new Map[n];
        for (int i = 0; i < n; i++) {
            maps[i] = new HashMap<>();
        }
        return maps;
    }

    /** How many rows. */
    int size() {
        return rows.length;
    }

    /** The feature map the rows were built for. */
    ImmutableFeatureMap features() {
        return features;
    }

    /**
     * The given rows (repeats allowed) as liblinear features and targets, sharing the rows' nodes. When the rows are
     * not in ascending order (a bootstrap resample), each row's array is copied, so that the solver's passes read
     * them in memory order instead of jumping across the shared rows; the values are the same.
     */
    Pair<FeatureNode[][], double[][]> select(int[] selected) {
        FeatureNode[][] x = new FeatureNode[selected.length][];
        double[] y = new double[selected.length];
        boolean ascending = true;
        for (int i = 1; i < selected.length && ascending; i++) {
            ascending = selected[i] > selected[i - 1];
        }
        for (int i = 0; i < selected.length; i++) {
            x[i] = ascending ? rows[selected[i]] : rows[selected[i]].clone();
            y[i] = outputs[selected[i]];
        }
        return new Pair<>(x, new double[][] {y});
    }

    /** Every row, in order. */
    Pair<FeatureNode[][], double[][]> all() {
        return new Pair<>(rows.clone(), new double[][] {outputs.clone()});
    }
}
