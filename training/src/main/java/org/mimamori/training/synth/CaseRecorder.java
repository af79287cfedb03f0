package org.mimamori.training.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.schema.Role;
import org.mimamori.model.value.Value;

/**
 * Records simulated children as cases of a given feature schema, the way a municipality's linkage would:
 * the schema decides the columns. A recorded item the generator has a value for gets it (fitted to the item's
 * type and range); any other recorded item is unknown; generated values the schema has no item for are
 * dropped. The reference-id and label items are found by role, so renaming them keeps them filled.
 * Model inputs then go missing at their {@link MissingRates}, and {@link Case#fromChecked} applies
 * applicability (not applicable) and computes derived items.
 */
public final class CaseRecorder {

    private final FeatureSchema schema;
    private final String[] source;
    private final double[] missingRate;
    private final List<String> unmodelled;
    /** Per item, its shift factor, or NaN. */
    private final double[] factor;
    /** Per item, whether its department has gone missing. */
    private final boolean[] gone;
    private final boolean shifted;

    /** A recorder for this schema, with these missing rates. */
    public CaseRecorder(FeatureSchema schema, MissingRates rates) {
        this(schema, rates, Shift.NONE);
    }

    /** A recorder for this schema, with these missing rates and this drift ({@link Shift}). */
    public CaseRecorder(FeatureSchema schema, MissingRates rates, Shift shift) {
        shift.checkAgainst(schema);
        this.schema = schema;
        this.shifted = !shift.isNone();
        this.factor = new double[schema.items().size()];
        this.gone = new boolean[schema.items().size()];
        for (int i = 0; i < factor.length; i++) {
            Item item = schema.items().get(i);
            factor[i] = shift.factors().getOrDefault(item.id(), Double.NaN);
            gone[i] = shift.missingSources().contains(item.source()) && !item.isDerived()
                    && (item.role() == Role.INPUT || item.role() == Role.AUDIT_GROUP
                    || item.role() == Role.ALREADY_KNOWN || item.role() == Role.RED_FLAG);
        }
        List<Item> items = schema.items();
        this.source = new String[items.size()];
        this.missingRate = new double[items.size()];
        List<String> none = new ArrayList<>();
        String ageItem = schema.ageItem().orElse(null);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.isDerived()) {
                continue;
            }
            source[i] = switch (item.role()) {
                case REFERENCE_ID, GROUP, IGNORE -> null;
                case LABEL -> SyntheticMunicipality.LABEL;
                default -> item.id();
            };
            if (source[i] != null && !ItemDesign.GENERATED.contains(source[i])) {
                none.add(item.id());
            }
            // The age comes from the resident register and is never missing: it decides applicability.
            missingRate[i] = item.role() == Role.INPUT && !item.id().equals(ageItem) ? rates.rateFor(item) : 0;
        }
        this.unmodelled = List.copyOf(none);
    }

    /** The schema. */
    public FeatureSchema schema() {
        return schema;
    }

    /** The schema's recorded items the generator has no model for; they are written as unknown. */
    public List<String> unmodelledItems() {
        return unmodelled;
    }

    /** The case of a child, with values gone missing at the configured rates. */
    public Case record(SynthChild child) {
        List<Item> items = schema.items();
        Value[] given = new Value[items.size()];
        SplittableRandom r = new SplittableRandom(child.missingnessSeed());
        // Shift draws on a stream of their own, so that an unshifted item keeps its value and its missingness.
        SplittableRandom d = shifted ? new SplittableRandom(~child.missingnessSeed()) : null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.isDerived()) {
                continue;
            }
            // One draw per recorded item whatever happens, so rates change only what they govern.
            boolean lost = r.nextDouble() < missingRate[i];
            Value v;
            if (item.role() == Role.REFERENCE_ID) {
                v = item.type() == ItemType.TEXT ? Value.category(child.ref()) : Value.UNKNOWN;
            } else if (item.role() == Role.GROUP) {
                v = Value.category(child.household().ref());
            } else if (item.role() == Role.IGNORE) {
                v = Value.UNKNOWN;
            } else if (item.role() == Role.LABEL) {
                v = labelValue(item, child.value(source[i]));
            } else {
                v = fit(item, child.value(source[i]));
            }
            if (shifted) {
                v = gone[i] ? Value.UNKNOWN : Double.isNaN(factor[i]) ? v : shift(item, v, factor[i], d);
            }
            given[i] = lost && v.isKnown() ? Value.UNKNOWN : v;
        }
        return Case.fromChecked(schema, given);
    }

    /** A recorded value moved by a shift factor (see {@link Shift}); one draw per call, whatever happens. */
    static Value shift(Item item, Value v, double f, SplittableRandom d) {
        double u = d.nextDouble();
        if (!v.isNumber()) {
            return v;
        }
        double x = v.number();
        if (item.type() == ItemType.YES_NO) {
            if (f > 1 && x == 0 && u < (f - 1) * 0.1) {
                return Value.YES;
            }
            return f < 1 && x == 1 && u < 1 - f ? Value.NO : v;
        }
        if (x == 0 && f > 1 && u < f - 1) {
            x = 1;
        }
        return fit(item, Value.of(x * f));
    }

    /** The generated label in the schema's terms: its positive value, or the other value. */
    private static Value labelValue(Item label, Value confirmed) {
        if (!confirmed.isKnown()) {
            return Value.UNKNOWN;
        }
        boolean positive = confirmed.equals(Value.YES);
        if (label.type() == ItemType.YES_NO) {
            return positive == label.positive().equals(Value.YES) ? Value.YES : Value.NO;
        }
        if (positive) {
            return label.positive();
        }
        return label.categories().stream().filter(c -> !Value.category(c).equals(label.positive())).findFirst()
                .map(Value::category).orElse(Value.UNKNOWN);
    }

    /**
     * A generated value fitted to the item: numbers are rounded and clamped to the item's type and range; a value
     * the item cannot hold (a number for a categorical item, say) is unknown rather than a crash.
     */
    static Value fit(Item item, Value v) {
        if (!v.isKnown()) {
            return v;
        }
        ItemType type = item.type();
        if (type == ItemType.CATEGORICAL || type == ItemType.TEXT) {
            return v.isNumber() ? Value.UNKNOWN : item.problemWith(v) == null ? v : Value.UNKNOWN;
        }
        if (!v.isNumber()) {
            return Value.UNKNOWN;
        }
        double x = v.number();
        if (type == ItemType.YES_NO) {
            return x == 0 || x == 1 ? v : Value.UNKNOWN;
        }
        if (type.isWholeNumber()) {
            x = Math.rint(x);
        }
        if (item.min() != null) {
            x = Math.max(item.min(), x);
        }
        if (item.max() != null) {
            x = Math.min(item.max(), x);
        }
        return Value.of(x);
    }
}
