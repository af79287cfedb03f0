package org.mimamori.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.junit.jupiter.api.Test;

/**
 * The ported solver gives liblinear's own {@code Linear.train} model bit for bit: on synthetic problems with a
 * bias feature, values all 1 (binned rows) or arbitrary, two classes labelled as Tribuo labels them (0 and 1, in
 * either order of first appearance) or as −1 / +1, every row, a subset and a resample with repeats, over costs from
 * 0.001 to 1000; and problems it does not port (one class, three classes, class weights) go to liblinear itself.
 */
class LibLinearSolverTest {

    static {
        Linear.disableDebugOutput();
    }

    /** Rows as arrays: offsets, feature positions, values (null when all 1), classes. */
    private record Rows(int[] start, int[] index, double[] values, double[] out, int n) {
    }

    @Test
    void weightsAreBitForBitLiblinears() {
        int problems = 0;
        for (long seed = 1; seed <= 6; seed++) {
            for (boolean ones : new boolean[] {true, false}) {
                Rows rows = problem(new SplittableRandom(seed), 200 + (int) seed * 700, 8 + (int) seed * 5, ones,
                        seed % 3 == 0 ? new double[] {-1, 1} : seed % 2 == 0 ? new double[] {1, 0}
                                : new double[] {0, 1});
                SplittableRandom random = new SplittableRandom(seed * 31);
                for (int[] selected : selections(rows.out().length, random)) {
                    for (double cost : new double[] {0.001, 0.1, 1, 10, 1000}) {
                        Parameter param = new Parameter(SolverType.L2R_LR, cost, 0.01, 1000, 0.1);
                        Model expected = Linear.train(liblinearProblem(rows, selected), param);
                        Model actual = LibLinearSolver.train(rows.start(), rows.index(), rows.values(), rows.out(),
                                selected, param, rows.n());
                        assertSame(actual, expected, "seed " + seed + ", ones " + ones + ", C " + cost);
                        problems++;
                    }
                }
            }
        }
        assertThat(problems).isEqualTo(6 * 2 * 3 * 5);
    }

    @Test
    void problemsItDoesNotPortGoToLiblinear() {
        Rows two = problem(new SplittableRandom(3), 400, 12, true, new double[] {0, 1});
        double[] oneClass = new double[two.out().length];
        double[] threeClasses = new double[two.out().length];
        for (int i = 0; i < threeClasses.length; i++) {
            threeClasses[i] = i % 3;
        }
        for (double[] out : List.of(oneClass, threeClasses)) {
            Rows rows = new Rows(two.start(), two.index(), two.values(), out, two.n());
            Parameter param = new Parameter(SolverType.L2R_LR, 1, 0.01, 1000, 0.1);
            assertSame(LibLinearSolver.train(rows.start(), rows.index(), rows.values(), out, null, param, rows.n()),
                    Linear.train(liblinearProblem(rows, null), param), "classes");
        }
        Parameter weighted = new Parameter(SolverType.L2R_LR, 1, 0.01, 1000, 0.1);
        weighted.setWeights(new double[] {2.0, 1.0}, new int[] {1, 0});
        assertSame(LibLinearSolver.train(two.start(), two.index(), two.values(), two.out(), null, weighted, two.n()),
                Linear.train(liblinearProblem(two, null), weighted), "weights");
    }

    private static void assertSame(Model actual, Model expected, String what) {
        assertThat(actual.getNrClass()).as(what).isEqualTo(expected.getNrClass());
        assertThat(actual.getNrFeature()).as(what).isEqualTo(expected.getNrFeature());
        assertThat(actual.getLabels()).as(what).isEqualTo(expected.getLabels());
        assertThat(actual.getBias()).as(what).isEqualTo(expected.getBias());
        assertThat(actual.getSolverType()).as(what).isEqualTo(expected.getSolverType());
        double[] a = actual.getFeatureWeights();
        double[] e = expected.getFeatureWeights();
        assertThat(a).as(what).hasSameSizeAs(e);
        for (int i = 0; i < e.length; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("%s, weight %d: %s vs %s", what, i, a[i], e[i])
                    .isEqualTo(Double.doubleToRawLongBits(e[i]));
        }
    }

    /**
     * l rows over {@code items} items of 2–6 levels each (one active level per item and row, as the binned matrix),
     * some levels never used, a random logistic truth; values 1 or drawn from [−2, 3); the bias feature last.
     */
    private static Rows problem(SplittableRandom random, int l, int items, boolean ones, double[] classes) {
        int[] levels = new int[items];
        int[] offset = new int[items + 1];
        for (int k = 0; k < items; k++) {
            levels[k] = 2 + random.nextInt(5);
            offset[k + 1] = offset[k] + levels[k];
        }
        int bias = offset[items];
        double[] truth = new double[bias];
        for (int j = 0; j < bias; j++) {
            truth[j] = random.nextGaussian() * 0.8;
        }
        int[] start = new int[l + 1];
        List<Integer> index = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double[] out = new double[l];
        for (int i = 0; i < l; i++) {
            double logit = -0.7;
            for (int k = 0; k < items; k++) {
                if (!ones && random.nextInt(10) == 0) {
                    continue; // rows of different lengths
                }
                int j = offset[k] + Math.min(random.nextInt(levels[k]), levels[k] - 2 + random.nextInt(2));
                double v = ones ? 1.0 : -2 + 5 * random.nextDouble();
                index.add(j);
                values.add(v);
                logit += truth[j] * v;
            }
            index.add(bias);
            values.add(1.0);
            start[i + 1] = index.size();
            out[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? classes[1] : classes[0];
        }
        double[] v = ones ? null : values.stream().mapToDouble(Double::doubleValue).toArray();
        return new Rows(start, index.stream().mapToInt(Integer::intValue).toArray(), v, out, bias + 1);
    }

    /** Every row (null), an ascending subset (a fold) and a resample with repeats (a bootstrap). */
    private static List<int[]> selections(int l, SplittableRandom random) {
        List<int[]> all = new ArrayList<>();
        all.add(null);
        all.add(java.util.stream.IntStream.range(0, l).filter(i -> i % 5 != 2).toArray());
        int[] resample = new int[l];
        for (int i = 0; i < l; i++) {
            resample[i] = random.nextInt(l);
        }
        all.add(resample);
        return all;
    }

    private static Problem liblinearProblem(Rows rows, int[] selected) {
        int[] sel = selected != null ? selected : java.util.stream.IntStream.range(0, rows.out().length).toArray();
        Problem problem = new Problem();
        problem.l = sel.length;
        problem.n = rows.n();
        problem.bias = 1.0;
        // fresh nodes per row, as Tribuo's own extraction makes them
        problem.x = new de.bwaldvogel.liblinear.Feature[sel.length][];
        problem.y = new double[sel.length];
        for (int i = 0; i < sel.length; i++) {
            int r = sel[i];
            de.bwaldvogel.liblinear.Feature[] row = new de.bwaldvogel.liblinear.Feature[rows.start()[r + 1]
                    - rows.start()[r]];
            for (int k = rows.start()[r]; k < rows.start()[r + 1]; k++) {
                row[k - rows.start()[r]] = new de.bwaldvogel.liblinear.FeatureNode(rows.index()[k] + 1,
                        rows.values() == null ? 1.0 : rows.values()[k]);
            }
            problem.x[i] = row;
            problem.y[i] = rows.out()[r];
        }
        return problem;
    }
}
