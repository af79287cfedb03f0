package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded splits of row positions that keep each group's rows together: the holdout, the cross-validation folds
 * and the bootstrap resamples all go through here. Folds are stratified by label: groups with a positive row are
 * spread so that each fold gets about as many positives, the other groups so that each gets about as many
 * negatives. With every row its own group this is an ordinary stratified split.
 */
final class Folds {

    private Folds() {
    }

    /** Assigns each row to one of {@code k} folds, stratified by label, never splitting a group. */
    static int[] assign(boolean[] labels, Groups groups, int k, long seed) {
        if (labels.length != groups.rows()) {
            throw new IllegalArgumentException("labels and groups differ in length");
        }
        int[] fold = new int[labels.length];
        SplittableRandom random = new SplittableRandom(seed);
        int[] positives = new int[groups.count()];
        for (int i = 0; i < labels.length; i++) {
            positives[groups.of(i)] += labels[i] ? 1 : 0;
        }
        for (boolean withPositives : new boolean[] {true, false}) {
            List<Integer> stratum = new ArrayList<>();
            for (int g = 0; g < groups.count(); g++) {
                if ((positives[g] > 0) == withPositives) {
                    stratum.add(g);
                }
            }
            shuffle(stratum, random);
            long[] load = new long[k];
            for (int g : stratum) {
                int f = 0;
                for (int j = 1; j < k; j++) {
                    f = load[j] < load[f] ? j : f;
                }
                load[f] += withPositives ? positives[g] : groups.size(g);
                for (int row : groups.members(g)) {
                    fold[row] = f;
                }
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

    /** A bootstrap resample: as many groups as there are, drawn with replacement, each with all its rows. */
    static int[] resample(Groups groups, SplittableRandom random) {
        int[] out = new int[groups.rows()];
        int n = 0;
        for (int i = 0; i < groups.count(); i++) {
            int[] rows = groups.members(random.nextInt(groups.count()));
            if (n + rows.length > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + rows.length));
            }
            System.arraycopy(rows, 0, out, n, rows.length);
            n += rows.length;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static void shuffle(List<Integer> items, SplittableRandom random) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }
}
