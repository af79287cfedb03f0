package org.mimamori.training.synth;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;

/**
 * A municipality that has drifted from the one a model learned on, for testing drift monitoring (docs/data.md,
 * "Drifted municipalities"): shifted marginals of named items and departments whose items all go missing (a
 * broken data link). Applied when the children are recorded as cases, after the usual missing rates; the
 * simulated children and their needs stay the same, only what the municipality records changes.
 *
 * <ul>
 *   <li>{@code factors}: per item, a factor. A number (integer, count, ordinal, decimal, share) is multiplied by
 *       it, then rounded and clamped to the item's type and range as any generated value; a zero is first moved
 *       to 1 with probability {@code factor − 1} when the factor is above 1 (so that mostly-zero counts shift
 *       too). A yes/no item's share of yes is moved: with a factor above 1 a no becomes yes with probability
 *       {@code (factor − 1) · 0.1}; below 1 a yes becomes no with probability {@code 1 − factor}. Categorical
 *       and text items cannot be shifted.</li>
 *   <li>{@code missingSources}: departments (item {@code source}s) whose recorded items are all written as
 *       unknown.</li>
 * </ul>
 *
 * @param factors        per item id, a positive factor (sorted, so files list them stably)
 * @param missingSources departments whose items go missing (sorted)
 */
public record Shift(Map<String, Double> factors, Set<String> missingSources) {

    /** No drift. */
    public static final Shift NONE = new Shift(Map.of(), Set.of());

    /** Checks the factors and copies the collections. */
    public Shift {
        TreeMap<String, Double> f = new TreeMap<>();
        factors.forEach((k, v) -> {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("the shift factor of '" + k + "' must be a positive number, got "
                        + v);
            }
            f.put(k, v);
        });
        factors = Collections.unmodifiableSortedMap(f);
        missingSources = Collections.unmodifiableSortedSet(new TreeSet<>(missingSources));
    }

    /** Whether it changes anything. */
    public boolean isNone() {
        return factors.isEmpty() && missingSources.isEmpty();
    }

    /** Checks that every named item and department exists in the schema and can be shifted. */
    public void checkAgainst(FeatureSchema schema) {
        for (String id : factors.keySet()) {
            Item item = schema.item(id).orElseThrow(() -> new IllegalArgumentException("cannot shift '" + id
                    + "': the schema " + schema.id() + " has no such item"));
            if (item.isDerived() || item.type() == ItemType.CATEGORICAL || item.type() == ItemType.TEXT) {
                throw new IllegalArgumentException("cannot shift '" + id + "': only recorded numeric and yes/no items"
                        + " can be shifted, it is " + (item.isDerived() ? "derived"
                        : item.type().name().toLowerCase(Locale.ROOT)));
            }
        }
        for (String source : missingSources) {
            if (schema.items().stream().noneMatch(i -> i.source().equals(source))) {
                throw new IllegalArgumentException("no item of the schema " + schema.id() + " comes from department '"
                        + source + "'");
            }
        }
    }
}
