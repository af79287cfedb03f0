package org.mimamori.model.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.mimamori.model.schema.Applicability;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.value.Value;

/**
 * One child's case: a value for every item of a {@link FeatureSchema}, after applicability and derived
 * items were resolved. An item that was not recorded is unknown; an item that does not apply to the child is
 * not applicable, even when a value was sent for it (such items are listed by
 * {@link #notApplicableButGiven()} so callers can warn). Immutable.
 */
public final class Case {

    private final FeatureSchema schema;
    private final Value[] values;
    private final List<String> notApplicableButGiven;

    private Case(FeatureSchema schema, Value[] values, List<String> notApplicableButGiven) {
        this.schema = schema;
        this.values = values;
        this.notApplicableButGiven = notApplicableButGiven;
    }

    /**
     * Resolves recorded values into a case: checks them, marks items that do not apply to the child as not
     * applicable, and computes derived items.
     *
     * @param schema   the schema
     * @param recorded recorded values by item id; absent items are unknown
     * @throws InvalidCaseException naming every unknown item, derived item sent, or invalid value
     */
    public static Case resolve(FeatureSchema schema, Map<String, Value> recorded) {
        List<CaseProblem> problems = new ArrayList<>();
        Value[] given = new Value[schema.items().size()];
        for (Map.Entry<String, Value> e : recorded.entrySet()) {
            int i = schema.indexOf(e.getKey());
            if (i < 0) {
                problems.add(CaseProblem.of(e.getKey(), new LocalizedText("スキーマ " + schema.id() + " の項目ではありません",
                        "is not an item of schema " + schema.id())));
                continue;
            }
            Item item = schema.items().get(i);
            if (item.isDerived()) {
                problems.add(CaseProblem.of(e.getKey(), item.whyNotSentForScoring()));
                continue;
            }
            LocalizedText problem = item.problemWith(e.getValue());
            if (problem != null) {
                problems.add(CaseProblem.of(e.getKey(), problem));
                continue;
            }
            given[i] = e.getValue();
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
        return fromChecked(schema, given);
    }

    /**
     * Resolves values that are already checked, by position in {@link FeatureSchema#items()} (null = unknown;
     * derived positions are ignored). For bulk readers that validated each value themselves.
     */
    public static Case fromChecked(FeatureSchema schema, Value[] given) {
        List<Item> items = schema.items();
        Value[] values = new Value[items.size()];
        Arrays.fill(values, Value.UNKNOWN);
        Function<String, Value> lookup = id -> {
            int j = schema.indexOf(id);
            return j < 0 ? Value.UNKNOWN : values[j];
        };
        int age = schema.ageItem().map(schema::indexOf).orElse(-1);
        List<String> overridden = null;
        for (int i : schema.resolutionOrder()) {
            Item item = items.get(i);
            Value v = item.isDerived() ? item.derived().evaluate(lookup) : given[i] == null ? Value.UNKNOWN : given[i];
            Applicability a = item.applicability();
            if (!a.isAlways() && a.appliesTo(age < 0 ? Value.UNKNOWN : values[age], lookup) == Value.NO) {
                if (v.isKnown() && !item.isDerived()) {
                    overridden = overridden == null ? new ArrayList<>() : overridden;
                    overridden.add(item.id());
                }
                v = Value.NOT_APPLICABLE;
            }
            values[i] = v;
        }
        return new Case(schema, values, overridden == null ? List.of() : Collections.unmodifiableList(overridden));
    }

    /** The schema this case follows. */
    public FeatureSchema schema() {
        return schema;
    }

    /** The value of an item. */
    public Value get(String itemId) {
        int i = schema.indexOf(itemId);
        if (i < 0) {
            throw new IllegalArgumentException("no item '" + itemId + "' in schema " + schema.id());
        }
        return values[i];
    }

    /** The value of the item at a position of {@link FeatureSchema#items()}. */
    public Value get(int index) {
        return values[index];
    }

    /** Items whose sent value was replaced by not applicable, because they do not apply to this child. */
    public List<String> notApplicableButGiven() {
        return notApplicableButGiven;
    }

    /** Every value by item id, in schema order. */
    public Map<String, Value> asMap() {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(schema.items().get(i).id(), values[i]);
        }
        return m;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
