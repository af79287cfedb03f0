package org.mimamori.training.pipeline;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * {@code Linear.train} (liblinear 2.44) for Tribuo's problem on shared rows: for a two-class L2-regularised logistic
 * regression (one cost, the bias regularised, no initial solution, Tribuo's bias of 1) it does what
 * {@code Linear.train} does — group the rows by class in order of first appearance (the rows of the first label
 * first, each group in the given order), targets +1 for the first label and −1 for the other, the primal tolerance
 * {@code eps · max(min(#pos, #neg), 1) / l} — and solves with {@link LogisticNewton}, which gives the same weights
 * bit for bit; it returns the same liblinear {@link Model} (labels, bias, feature count, solver, weights). Any other
 * problem goes to {@code Linear.train} itself on the rows as feature nodes.
 */
final class LibLinearSolver {

    private LibLinearSolver() {
    }

    /**
     * @param rows     the shared rows
     * @param selected the rows of the fit, in order (repeats allowed), or null for every row
     * @param param    liblinear's parameters as Tribuo set them up
     * @param n        liblinear's number of features (Tribuo's feature count + 1 for the bias)
     */
    static Model train(LibLinearRows rows, int[] selected, Parameter param, int n) {
        return train(rows.start(), rows.index(), rows.values(), rows.outputs(), selected, param, n);
    }

    /**
     * The same on rows given as arrays.
     *
     * @param start    row offsets into {@code index}
     * @param index    feature positions (liblinear's index − 1), ascending within a row
     * @param values   the values in the same places, or null when all are 1
     * @param out      per row, its class (Tribuo's output id)
     * @param selected the rows of the fit, in order (repeats allowed), or null for every row
     * @param param    liblinear's parameters
     * @param n        liblinear's number of features, the bias included
     */
    static Model train(int[] start, int[] index, double[] values, double[] out, int[] selected, Parameter param,
                       int n) {
        int[] sel = selected != null ? selected : identity(out.length);
        int l = sel.length;
        boolean ported = l > 0 && n > 0 && param.getSolverType() == SolverType.L2R_LR && param.getNumWeights() == 0
                && param.getInitSol() == null && param.isRegularizeBias() && param.getC() > 0 && param.getEps() > 0;
        int first = 0;
        int second = 0;
        int firstCount = 0;
        int classes = 0;
        for (int i = 0; ported && i < l; i++) {
            int label = (int) out[sel[i]];
            if (classes == 0 || label == first) {
                first = label;
                firstCount++;
                classes = Math.max(classes, 1);
            } else if (classes == 1 || label == second) {
                second = label;
                classes = 2;
            } else {
                ported = false; // a third class: liblinear's one-against-the-rest
            }
        }
        if (!ported || classes != 2) {
            return viaLinear(start, index, values, out, sel, param, n);
        }
        int positiveLabel = first;
        int negativeLabel = second;
        int positives = firstCount;
        if (first == -1 && second == 1) { // liblinear puts label +1 first in that case
            positiveLabel = second;
            negativeLabel = first;
            positives = l - firstCount;
        }
        // The subproblem in liblinear's order: the positive class's rows, then the others, each in the given order.
        int nnz = 0;
        for (int r : sel) {
            nnz += start[r + 1] - start[r];
        }
        int[] subStart = new int[l + 1];
        int[] subIndex = new int[nnz];
        double[] subValues = values == null ? null : new double[nnz];
        double[] y = new double[l];
        int row = 0;
        int p = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int r : sel) {
                if (((int) out[r] == positiveLabel) != (pass == 0)) {
                    continue;
                }
                int len = start[r + 1] - start[r];
                System.arraycopy(index, start[r], subIndex, p, len);
                if (values != null) {
                    System.arraycopy(values, start[r], subValues, p, len);
                }
                p += len;
                y[row] = pass == 0 ? +1 : -1;
                subStart[++row] = p;
            }
        }
        double tolerance = param.getEps() * Math.max(Math.min(positives, l - positives), 1) / l;
        double[] w = new LogisticNewton(n, subStart, subIndex, subValues, y, param.getC())
                .solve(tolerance, param.getMaxIters());
        return model(param.getSolverType(), n, new int[] {positiveLabel, negativeLabel}, w);
    }

    private static Model viaLinear(int[] start, int[] index, double[] values, double[] out, int[] sel,
                                   Parameter param, int n) {
        Problem problem = new Problem();
        problem.l = sel.length;
        problem.n = n;
        problem.x = nodes(start, index, values, sel);
        problem.y = new double[sel.length];
        for (int i = 0; i < sel.length; i++) {
            problem.y[i] = out[sel[i]];
        }
        problem.bias = 1.0;
        return Linear.train(problem, param);
    }

    /**
     * The given rows (repeats allowed) as liblinear's feature nodes, exactly what Tribuo would extract (one node per
     * feature and value, shared between rows: liblinear's logistic-regression solver never changes them).
     */
    static FeatureNode[][] nodes(int[] start, int[] index, double[] values, int[] selected) {
        Map<Node, FeatureNode> shared = new HashMap<>();
        FeatureNode[][] x = new FeatureNode[selected.length][];
        for (int i = 0; i < selected.length; i++) {
            int r = selected[i];
            FeatureNode[] row = new FeatureNode[start[r + 1] - start[r]];
            for (int k = start[r]; k < start[r + 1]; k++) {
                int j = index[k];
                double v = values == null ? 1.0 : values[k];
                FeatureNode node = shared.computeIfAbsent(new Node(j, Double.doubleToRawLongBits(v)),
                        key -> new FeatureNode(j + 1, v));
                row[k - start[r]] = node;
            }
            x[i] = row;
        }
        return x;
    }

    private record Node(int index, long valueBits) {
    }

    /** The model {@code Linear.train} builds for two classes with Tribuo's bias of 1. */
    private static Model model(SolverType solver, int n, int[] labels, double[] w) {
        try {
            Model model = new Model();
            set(model, "bias", 1.0);
            set(model, "label", labels);
            set(model, "nr_class", 2);
            set(model, "nr_feature", n - 1);
            set(model, "solverType", solver);
            set(model, "w", w);
            return model;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("liblinear's Model has changed: " + e.getMessage(), e);
        }
    }

    private static void set(Model model, String name, Object value) throws ReflectiveOperationException {
        Field field = Model.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(model, value);
    }

    private static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
