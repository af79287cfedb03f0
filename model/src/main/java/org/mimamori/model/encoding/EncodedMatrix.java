package org.mimamori.model.encoding;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.stream.IntStream;

import org.mimamori.model.data.Case;

/**
 * Many cases encoded by one {@link CaseEncoder} into one compact block: every input item has exactly one active
 * feature per case (a bin, a category, yes or no, unknown or not applicable, or the raw value), so the block is
 * {@code rows × items} feature positions, plus their values when they are not all 1 (the raw style). Training
 * shares it between the cross-validation folds, the final fit and the bootstrap refits instead of copying cases
 * or datasets. Immutable.
 */
public final class EncodedMatrix {

    private final int rows;
    private final int items;
    private final int[] features;
    private final double[] values;

    private EncodedMatrix(int rows, int items, int[] features, double[] values) {
        this.rows = rows;
        this.items = items;
        this.features = features;
        this.values = values;
    }

    /**
     * Encodes cases, in order, with the encoder ({@link CaseEncoder#encode} row by row, so the same features).
     * Rows are encoded in parallel; the result does not depend on it.
     */
    static EncodedMatrix of(CaseEncoder encoder, List<Case> cases) {
        int n = cases.size();
        int k = encoder.inputItems().size();
        int[] features = new int[n * k];
        double[] values = encoder.style() == EncodingStyle.SCORECARD ? null : new double[n * k];
        IntStream.range(0, n).parallel().forEach(i -> {
            EncodedCase e = encoder.encode(cases.get(i));
            if (e.indices().length != k) {
                throw new IllegalStateException("case " + i + " has " + e.indices().length + " active features, not "
                        + k);
            }
            System.arraycopy(e.indices(), 0, features, i * k, k);
            if (values != null) {
                System.arraycopy(e.values(), 0, values, i * k, k);
            }
        });
        return new EncodedMatrix(n, k, features, values);
    }

    /** How many rows (cases). */
    public int rows() {
        return rows;
    }

    /** How many input items, i.e. active features per row. */
    public int items() {
        return items;
    }

    /** The active feature of the k-th input item in a row. */
    public int feature(int row, int item) {
        return features[row * items + item];
    }

    /** The value of the k-th input item's active feature in a row (1 in the scorecard style). */
    public double value(int row, int item) {
        return values == null ? 1.0 : values[row * items + item];
    }

    /** Whether every value is 1 (the scorecard style). */
    public boolean allOnes() {
        return values == null;
    }

    /** One row as an encoded case (a fresh copy). */
    public EncodedCase row(int row) {
        int[] idx = new int[items];
        System.arraycopy(features, row * items, idx, 0, items);
        double[] val = new double[items];
        if (values == null) {
            java.util.Arrays.fill(val, 1.0);
        } else {
            System.arraycopy(values, row * items, val, 0, items);
        }
        return new EncodedCase(idx, val);
    }

    /** The rows as a list of encoded cases, made when read (nothing is copied up front). */
    public List<EncodedCase> asList() {
        return new Rows();
    }

    private final class Rows extends AbstractList<EncodedCase> implements RandomAccess {
        @Override
        public EncodedCase get(int index) {
            if (index < 0 || index >= rows) {
                throw new IndexOutOfBoundsException(index);
            }
            return row(index);
        }

        @Override
        public int size() {
            return rows;
        }
    }
}
