package org.mimamori.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Every split of training (holdout, cross-validation folds, bootstrap resamples) keeps a group's rows together. */
class FoldsPropertyTest {

    /** Random households of 1–6 rows with random labels; some rows without a group. */
    private static Groups households(int rows, long seed, boolean[] labels) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> keys = new ArrayList<>(rows);
        int household = 0;
        int left = 0;
        for (int i = 0; i < rows; i++) {
            if (left == 0) {
                household++;
                left = r.nextInt(1, 7);
            }
            left--;
            keys.add(r.nextInt(20) == 0 ? null : "H" + household);
            labels[i] = r.nextInt(5) == 0;
        }
        return Groups.ofKeys(keys);
    }

    @Property(tries = 200)
    void noGroupIsOnBothSidesOfAnySplit(@ForAll @IntRange(min = 1, max = 400) int rows,
                                        @ForAll @IntRange(min = 2, max = 7) int k, @ForAll long seed) {
        boolean[] labels = new boolean[rows];
        Groups groups = households(rows, seed, labels);
        int[] fold = Folds.assign(labels, groups, k, seed);
        Map<Integer, Integer> foldOfGroup = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            assertThat(fold[i]).isBetween(0, k - 1);
            Integer before = foldOfGroup.putIfAbsent(groups.of(i), fold[i]);
            assertThat(before == null || before == fold[i]).as("group %d split across folds", groups.of(i)).isTrue();
        }
        // The same holds within the training split, as cross-validation sees it.
        int[] train = Folds.rows(fold, 0, false);
        Groups inner = groups.subset(train);
        boolean[] innerLabels = new boolean[train.length];
        for (int i = 0; i < train.length; i++) {
            innerLabels[i] = labels[train[i]];
        }
        int[] innerFold = Folds.assign(innerLabels, inner, k, seed + 1);
        for (int i = 0; i < train.length; i++) {
            for (int j = 0; j < train.length; j++) {
                if (groups.of(train[i]) == groups.of(train[j])) {
                    assertThat(innerFold[i]).isEqualTo(innerFold[j]);
                }
            }
        }
    }

    @Property(tries = 200)
    void bootstrapResamplesWholeGroups(@ForAll @IntRange(min = 1, max = 300) int rows, @ForAll long seed) {
        boolean[] labels = new boolean[rows];
        Groups groups = households(rows, seed, labels);
        int[] sample = Folds.resample(groups, new SplittableRandom(seed));
        int[] times = new int[rows];
        for (int row : sample) {
            times[row]++;
        }
        for (int i = 0; i < rows; i++) {
            for (int member : groups.members(groups.of(i))) {
                assertThat(times[member]).as("rows of one group drawn equally often").isEqualTo(times[i]);
            }
        }
        int drawn = 0;
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < rows; i++) {
            if (seen.add(groups.of(i))) {
                drawn += times[i];
            }
        }
        assertThat(drawn).as("as many group draws as groups").isEqualTo(groups.count());
    }

    @Property(tries = 100)
    void ungroupedRowsGiveAnOrdinaryStratifiedSplit(@ForAll @IntRange(min = 10, max = 500) int rows,
                                                    @ForAll @IntRange(min = 2, max = 6) int k,
                                                    @ForAll @LongRange(min = 0, max = 1000) long seed) {
        boolean[] labels = new boolean[rows];
        households(rows, seed, labels);
        int[] fold = Folds.assign(labels, Groups.singletons(rows), k, seed);
        for (boolean cls : new boolean[] {true, false}) {
            int[] perFold = new int[k];
            for (int i = 0; i < rows; i++) {
                if (labels[i] == cls) {
                    perFold[fold[i]]++;
                }
            }
            int min = java.util.Arrays.stream(perFold).min().orElse(0);
            int max = java.util.Arrays.stream(perFold).max().orElse(0);
            assertThat(max - min).as("class %s spread evenly", cls).isLessThanOrEqualTo(1);
        }
    }
}
