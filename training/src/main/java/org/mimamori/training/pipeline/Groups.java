package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.value.Value;

/**
 * Which group (e.g. household) each row belongs to, so that every split keeps a group's rows together. Groups
 * are numbered in the order they first appear; a row whose group is unknown, or every row when the schema has
 * no {@code group} item, is a group of its own. Immutable.
 */
final class Groups {

    private final int[] groupOf;
    private final int[][] members;

    private Groups(int[] groupOf) {
        this.groupOf = groupOf;
        int count = 0;
        for (int g : groupOf) {
            count = Math.max(count, g + 1);
        }
        int[] sizes = new int[count];
        for (int g : groupOf) {
            sizes[g]++;
        }
        this.members = new int[count][];
        for (int g = 0; g < count; g++) {
            members[g] = new int[sizes[g]];
        }
        int[] filled = new int[count];
        for (int row = 0; row < groupOf.length; row++) {
            int g = groupOf[row];
            members[g][filled[g]++] = row;
        }
    }

    /** Every row its own group. */
    static Groups singletons(int rows) {
        int[] g = new int[rows];
        for (int i = 0; i < rows; i++) {
            g[i] = i;
        }
        return new Groups(g);
    }

    /** Groups by a group key per row (null = a group of its own). */
    static Groups ofKeys(List<String> keys) {
        Map<String, Integer> index = new HashMap<>();
        int[] g = new int[keys.size()];
        int next = 0;
        for (int i = 0; i < g.length; i++) {
            String key = keys.get(i);
            if (key == null) {
                g[i] = next++;
            } else {
                Integer known = index.get(key);
                if (known == null) {
                    known = next++;
                    index.put(key, known);
                }
                g[i] = known;
            }
        }
        return new Groups(g);
    }

    /** The groups of cases by the schema's group item (singletons when it has none). */
    static Groups of(FeatureSchema schema, List<Case> cases) {
        Item item = schema.groupItem().orElse(null);
        if (item == null) {
            return singletons(cases.size());
        }
        List<String> keys = new ArrayList<>(cases.size());
        for (Case c : cases) {
            Value v = c.get(item.id());
            keys.add(v.isKnown() ? v.toString() : null);
        }
        return ofKeys(keys);
    }

    /** The groups of some of the rows, renumbered; {@code rows} are positions in this grouping. */
    Groups subset(int[] rows) {
        Map<Integer, Integer> renumbered = new HashMap<>();
        int[] g = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            g[i] = renumbered.computeIfAbsent(groupOf[rows[i]], x -> renumbered.size());
        }
        return new Groups(g);
    }

    /** How many rows. */
    int rows() {
        return groupOf.length;
    }

    /** How many groups. */
    int count() {
        return members.length;
    }

    /** The group of a row. */
    int of(int row) {
        return groupOf[row];
    }

    /** The rows of a group, ascending. */
    int[] members(int group) {
        return members[group].clone();
    }

    /** The size of a group. */
    int size(int group) {
        return members[group].length;
    }
}
