package org.mimamori.model.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.value.Value;

/**
 * The values of a recorded item at which anything the model computes can change: every category or yes/no;
 * for numbers, the critical points (bin cuts, the constants the schema's expressions compare with, the ends of
 * the valid range) and one value strictly between each two of them. Since the encoding and every comparison
 * are constant between critical points, these values reach every outcome that any value reaches.
 */
final class CandidateValues {

    private CandidateValues() {
    }

    static List<Value> of(Item item, CaseEncoder encoder, TrainingReference reference, Set<Double> constants) {
        ItemType type = item.type();
        if (type == ItemType.YES_NO) {
            return List.of(Value.YES, Value.NO);
        }
        if (type == ItemType.CATEGORICAL) {
            return item.categories().stream().map(Value::category).toList();
        }
        if (!type.isNumeric()) {
            return List.of();
        }
        TreeSet<Double> points = new TreeSet<>(constants);
        int k = encoder.inputItems().indexOf(item);
        if (k >= 0) {
            for (double cut : encoder.cuts(item.id())) {
                points.add(cut);
            }
        }
        double lo = item.min() != null ? item.min() : lowest(item, reference, points);
        double hi = item.max() != null ? item.max() : highest(item, reference, points);
        points.add(lo);
        points.add(hi);
        boolean whole = type.isWholeNumber();
        List<Double> sorted = new ArrayList<>(points.subSet(lo, true, hi, true));
        TreeSet<Double> out = new TreeSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            double p = sorted.get(i);
            if (whole) {
                addIfIn(out, Math.ceil(p), lo, hi);
                addIfIn(out, Math.floor(p), lo, hi);
            } else {
                out.add(p);
            }
            if (i + 1 < sorted.size()) {
                double next = sorted.get(i + 1);
                double between = whole ? Math.floor(p) + 1 : (p + next) / 2;
                if (between > p && between < next) {
                    out.add(between);
                }
            }
        }
        return out.stream().map(Value::of).toList();
    }

    private static void addIfIn(TreeSet<Double> out, double x, double lo, double hi) {
        if (x >= lo && x <= hi) {
            out.add(x);
        }
    }

    /** An open lower bound: below everything seen in training and every critical point. */
    private static double lowest(Item item, TrainingReference reference, TreeSet<Double> points) {
        double min = points.isEmpty() ? 0 : points.first();
        Double seen = seen(item, reference, true);
        return Math.min(min, seen == null ? min : seen) - 1;
    }

    /** An open upper bound: above everything seen in training and every critical point. */
    private static double highest(Item item, TrainingReference reference, TreeSet<Double> points) {
        double max = points.isEmpty() ? 0 : points.last();
        Double seen = seen(item, reference, false);
        return Math.max(max, seen == null ? max : seen) + 1;
    }

    private static Double seen(Item item, TrainingReference reference, boolean min) {
        return reference.items().stream().filter(r -> r.item().equals(item.id())).findFirst()
                .map(r -> min ? r.min() : r.max()).orElse(null);
    }

    /**
     * For each value state of input {@code k} (bins, categories or yes/no), a candidate value that the encoder
     * puts in that state, or null when no valid value reaches it.
     */
    static Value[] perState(Item item, CaseEncoder encoder, int k, List<Value> candidates) {
        int[] range = encoder.featureRange(k);
        int states = range[1] - range[0] - 2;
        Value[] out = new Value[Math.max(0, states)];
        if (item.isDerived()) {
            return out;
        }
        FeatureSchema schema = encoder.schema();
        int index = schema.indexOf(item.id());
        for (Value v : candidates) {
            Value[] given = new Value[schema.items().size()];
            given[index] = v;
            EncodedCase e = encoder.encode(Case.fromChecked(schema, given));
            int s = e.indices()[k] - range[0];
            if (s >= 0 && s < out.length && out[s] == null) {
                out[s] = v;
            }
        }
        return out;
    }
}
