package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded, stratified splits of row positions: positives and negatives are spread evenly. */
final class Folds {

    private Folds() {
    }

    /** Assigns each row to one of {@code k} folds, stratified by label. */
    static int[] assign(boolean[] labels, int k, long seed) {
        int[] fold = new int[labels.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    rows.add(i);
                }
            }
            shuffle(rows, random);
            for (int j = 0; j < rows.size(); j++) {
                fold[rows.get(j)] = j % k;
            }
        }
        return fold;
    }

    /** Rows whose fold is (or, with {@code in == false}, is not) {@code f}. */
    static int[] rows(int[] fold, int f, boolean in) {
        int n = 0;
        for (int x : fold) {
            n += (x == f) == in ? 1 : 0;
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == in) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** A bootstrap resample of {@code n} rows, drawn with replacement. */
    static int[] resample(int n, SplittableRandom random) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(n);
        }
        return out;
    }

    private static void shuffle(List<Integer> rows, SplittableRandom random) {
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
        }
    }
}
