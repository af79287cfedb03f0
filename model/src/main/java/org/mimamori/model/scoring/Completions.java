package org.mimamori.model.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.expr.Expression;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.RedFlagRule;
import org.mimamori.model.schema.Role;
import org.mimamori.model.scoring.MissingInformation.MissingItem;
import org.mimamori.model.value.Value;

/**
 * Computes {@link MissingInformation}: for a case, every way its unknown recorded items could be recorded, and
 * the exact range of the logit over them. Built once per scorer from the schema (which input states each
 * recorded item can change, directly, through derived items or through applicability) and used for every case.
 */
final class Completions {

    /** Joint values of tied items enumerated at most; beyond, the range is an outer bound. */
    static final int MAX_JOINT = 20_000;

    private final FeatureSchema schema;
    private final CaseEncoder encoder;
    private final double[] weights;
    private final List<Item> inputs;
    /** Per schema position of a recorded item: the input positions whose state can change with it. */
    private final int[][] dependents;
    /** Per schema position of a recorded item: the values at which the outcome can change. */
    private final List<List<Value>> candidates;
    /** Per input position: for each value state, a value in that state (null when none reaches it). */
    private final Value[][] stateValues;
    private final List<RedFlagRule> redFlags;
    private final List<Set<Integer>> redFlagSources;

    Completions(Scorecard scorecard, TrainingReference reference) {
        this.encoder = scorecard.encoder();
        this.schema = encoder.schema();
        this.weights = scorecard.weights();
        this.inputs = encoder.inputItems();
        List<Item> items = schema.items();
        List<Set<Integer>> deps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            deps.add(new LinkedHashSet<>());
        }
        for (int k = 0; k < inputs.size(); k++) {
            for (int u : sources(schema.indexOf(inputs.get(k).id()), new LinkedHashSet<>())) {
                deps.get(u).add(k);
            }
        }
        this.dependents = deps.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        Map<String, Set<Double>> constants = constantsByItem();
        this.candidates = new ArrayList<>();
        for (Item item : items) {
            candidates.add(item.isDerived() ? List.of() : CandidateValues.of(item, encoder, reference,
                    constants.getOrDefault(item.id(), Set.of())));
        }
        this.stateValues = new Value[inputs.size()][];
        for (int k = 0; k < inputs.size(); k++) {
            stateValues[k] = CandidateValues.perState(inputs.get(k), encoder, k,
                    candidates.get(schema.indexOf(inputs.get(k).id())));
        }
        this.redFlags = schema.withRole(Role.RED_FLAG).stream().map(Item::redFlag).toList();
        this.redFlagSources = new ArrayList<>();
        for (RedFlagRule rule : redFlags) {
            Set<Integer> src = new LinkedHashSet<>();
            for (String ref : rule.when().references()) {
                src.addAll(sources(schema.indexOf(ref), new LinkedHashSet<>()));
            }
            redFlagSources.add(src);
        }
    }

    /** The recorded items (schema positions) whose values an item's value can depend on, itself included. */
    private Set<Integer> sources(int index, Set<Integer> seen) {
        if (index < 0 || !seen.add(index)) {
            return Set.of();
        }
        Item item = schema.items().get(index);
        Set<Integer> out = new LinkedHashSet<>();
        if (!item.isDerived()) {
            out.add(index);
        }
        Set<String> refs = new LinkedHashSet<>();
        if (item.isDerived()) {
            refs.addAll(item.derived().references());
        }
        refs.addAll(item.applicability().references());
        if (item.applicability().minAge() != null || item.applicability().maxAge() != null) {
            schema.ageItem().ifPresent(refs::add);
        }
        for (String ref : refs) {
            out.addAll(sources(schema.indexOf(ref), seen));
        }
        return out;
    }

    private Map<String, Set<Double>> constantsByItem() {
        Map<String, Set<Double>> out = new HashMap<>();
        for (Item item : schema.items()) {
            List<Expression> expressions = new ArrayList<>();
            if (item.isDerived()) {
                expressions.add(item.derived());
            }
            if (item.applicability().when() != null) {
                expressions.add(item.applicability().when());
            }
            if (item.redFlag() != null) {
                expressions.add(item.redFlag().when());
            }
            for (Expression x : expressions) {
                for (String ref : x.references()) {
                    out.computeIfAbsent(ref, r -> new TreeSet<>()).addAll(x.constants());
                }
            }
            if (item.applicability().minAge() != null || item.applicability().maxAge() != null) {
                Set<Double> ages = out.computeIfAbsent(schema.ageItem().orElse(""), r -> new TreeSet<>());
                if (item.applicability().minAge() != null) {
                    ages.add((double) item.applicability().minAge());
                }
                if (item.applicability().maxAge() != null) {
                    ages.add((double) item.applicability().maxAge() + 1);
                }
            }
        }
        return out;
    }

    /**
     * The missing information of a case.
     *
     * @param c     the case
     * @param e     its encoding
     * @param logit its logit
     */
    MissingInformation of(Case c, EncodedCase e, double logit, Calibrator calibrator, ScoreBands bands) {
        List<Item> items = schema.items();
        Value[] given = new Value[items.size()];
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Value v = c.get(i);
            if (items.get(i).isDerived() || !v.isKnown()) {
                if (!items.get(i).isDerived() && v.kind() == Value.Kind.UNKNOWN && !candidates.get(i).isEmpty()) {
                    unknown.add(i);
                }
                continue;
            }
            given[i] = v;
        }
        int[] active = e.indices();
        Map<Integer, double[]> single = new LinkedHashMap<>();
        Map<String, Value> lowest = new LinkedHashMap<>();
        Map<String, Value> highest = new LinkedHashMap<>();
        double low = logit;
        double high = logit;
        boolean exact = true;
        for (List<Integer> group : groups(unknown)) {
            int[] affected = affected(group);
            if (affected.length == 0) {
                continue;
            }
            double base = sum(active, affected);
            Joint joint = group.size() == 1 && affected.length == 1 && isOwnInput(group.get(0), affected[0])
                    ? ownStates(group.get(0), affected[0], active[affected[0]])
                    : enumerate(group, affected, given, base);
            exact &= joint.exact;
            low += joint.min - base;
            high += joint.max - base;
            putAll(lowest, group, joint.argMin);
            putAll(highest, group, joint.argMax);
            for (int u : group) {
                Joint alone = group.size() == 1 ? joint : enumerate(List.of(u), affected, given, base);
                single.put(u, new double[] {alone.min - base, alone.max - base});
            }
        }
        Set<Integer> flagging = redFlagItems(c, given, unknown);
        List<MissingItem> listed = new ArrayList<>();
        for (int u : unknown) {
            double[] range = single.getOrDefault(u, new double[2]);
            boolean flag = flagging.contains(u);
            if (range[0] == 0 && range[1] == 0 && !flag) {
                continue;
            }
            double pLow = calibrator.probability(logit + range[0]);
            double pHigh = calibrator.probability(logit + range[1]);
            listed.add(new MissingItem(items.get(u), range[0], range[1], pLow, pHigh, bands.band(pLow),
                    bands.band(pHigh), flag));
        }
        listed.sort(Comparator.comparing((MissingItem m) -> !m.redFlag())
                .thenComparingInt(m -> -(bands.bands().indexOf(m.bandHigh()) - bands.bands().indexOf(m.bandLow())))
                .thenComparingDouble(m -> -(m.logitHigh() - m.logitLow())));
        double pLow = calibrator.probability(low);
        double pHigh = calibrator.probability(high);
        return new MissingInformation(List.copyOf(listed), low, high, Math.min(pLow, pHigh), Math.max(pLow, pHigh),
                bands.band(Math.min(pLow, pHigh)), bands.band(Math.max(pLow, pHigh)), !flagging.isEmpty(), exact,
                Map.copyOf(lowest), Map.copyOf(highest));
    }

    /** Unknown items that share an affected input are tied and enumerated together (union-find). */
    private List<List<Integer>> groups(List<Integer> unknown) {
        int n = unknown.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<Integer, Integer> firstOwner = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int k : dependents[unknown.get(i)]) {
                Integer other = firstOwner.putIfAbsent(k, i);
                if (other != null) {
                    parent[root(parent, i)] = root(parent, other);
                }
            }
        }
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(unknown.get(i));
        }
        return List.copyOf(byRoot.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private int[] affected(List<Integer> group) {
        // the union of the group's dependents, ascending (per scored case, so without streams)
        java.util.BitSet union = new java.util.BitSet();
        for (int u : group) {
            for (int k : dependents[u]) {
                union.set(k);
            }
        }
        int[] out = new int[union.cardinality()];
        for (int i = 0, k = union.nextSetBit(0); k >= 0; k = union.nextSetBit(k + 1)) {
            out[i++] = k;
        }
        return out;
    }

    private boolean isOwnInput(int schemaIndex, int inputPosition) {
        return inputs.get(inputPosition).id().equals(schema.items().get(schemaIndex).id());
    }

    private double sum(int[] active, int[] affected) {
        double s = 0;
        for (int k : affected) {
            s += weights[active[k]];
        }
        return s;
    }

    /** An item that changes only its own state: its value states' weights. */
    private Joint ownStates(int u, int k, int current) {
        int first = encoder.featureRange(k)[0];
        Joint j = new Joint(1);
        Value[] values = stateValues[k];
        for (int s = 0; s < values.length; s++) {
            if (values[s] != null) {
                j.offer(weights[first + s], new Value[] {values[s]});
            }
        }
        return j.min == Double.POSITIVE_INFINITY ? Joint.unchanged(weights[current]) : j;
    }

    /** Every joint value of a group's items, each scored by re-resolving and re-encoding the case. */
    private Joint enumerate(List<Integer> group, int[] affected, Value[] given, double base) {
        long combos = 1;
        for (int u : group) {
            combos *= Math.max(1, candidates.get(u).size());
            if (combos > MAX_JOINT) {
                return outerBound(group, affected, given, base);
            }
        }
        Joint j = new Joint(group.size());
        Value[] g = given.clone();
        int[] at = new int[group.size()];
        Value[] chosen = new Value[group.size()];
        while (true) {
            for (int i = 0; i < group.size(); i++) {
                chosen[i] = candidates.get(group.get(i)).get(at[i]);
                g[group.get(i)] = chosen[i];
            }
            EncodedCase e = encoder.encode(Case.fromChecked(schema, g));
            j.offer(sum(e.indices(), affected), chosen.clone());
            int i = 0;
            while (i < at.length && ++at[i] == candidates.get(group.get(i)).size()) {
                at[i++] = 0;
            }
            if (i == at.length) {
                return j;
            }
        }
    }

    /** Too many joint values: each item varied alone, the changes added up (an outer bound, not attained). */
    private Joint outerBound(List<Integer> group, int[] affected, Value[] given, double base) {
        Joint j = new Joint(group.size());
        double min = base;
        double max = base;
        for (int u : group) {
            Joint alone = enumerate(List.of(u), affected, given, base);
            min += Math.min(0, alone.min - base);
            max += Math.max(0, alone.max - base);
        }
        j.min = min;
        j.max = max;
        j.exact = false;
        return j;
    }

    /** Unknown items whose recording could raise a red flag: a rule that is undecided and fires for some values. */
    private Set<Integer> redFlagItems(Case c, Value[] given, List<Integer> unknown) {
        Set<Integer> out = new LinkedHashSet<>();
        for (int r = 0; r < redFlags.size(); r++) {
            RedFlagRule rule = redFlags.get(r);
            if (rule.when().evaluate(c::get).kind() != Value.Kind.UNKNOWN) {
                continue;
            }
            List<Integer> open = unknown.stream().filter(redFlagSources.get(r)::contains).toList();
            long combos = 1;
            for (int u : open) {
                combos *= candidates.get(u).size();
            }
            if (open.isEmpty() || combos > MAX_JOINT) {
                continue;
            }
            Value[] g = given.clone();
            int[] at = new int[open.size()];
            while (true) {
                for (int i = 0; i < open.size(); i++) {
                    g[open.get(i)] = candidates.get(open.get(i)).get(at[i]);
                }
                Case completed = Case.fromChecked(schema, g);
                Value fired = rule.when().evaluate(completed::get);
                if (fired.isNumber() && fired.number() != 0) {
                    out.addAll(open);
                    break;
                }
                int i = 0;
                while (i < at.length && ++at[i] == candidates.get(open.get(i)).size()) {
                    at[i++] = 0;
                }
                if (i == at.length) {
                    break;
                }
            }
        }
        return out;
    }

    private void putAll(Map<String, Value> into, List<Integer> group, Value[] values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            into.put(schema.items().get(group.get(i)).id(), values[i]);
        }
    }

    /** The lowest and highest sum over joint values, and values attaining them. */
    private static final class Joint {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Value[] argMin;
        Value[] argMax;
        boolean exact = true;

        Joint(int size) {
        }

        static Joint unchanged(double w) {
            Joint j = new Joint(0);
            j.min = w;
            j.max = w;
            return j;
        }

        void offer(double sum, Value[] values) {
            if (sum < min) {
                min = sum;
                argMin = values;
            }
            if (sum > max) {
                max = sum;
                argMax = values;
            }
        }
    }
}
