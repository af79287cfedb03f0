package org.mimamori.model.schema;

import java.util.Set;
import java.util.function.Function;

import org.mimamori.model.value.Value;
import org.mimamori.model.expr.Expression;

/**
 * For whom an item exists: an age range (on the schema's age item) and/or a condition. Outside it the
 * item's value is <em>not applicable</em>, which is a different fact from <em>unknown</em>.
 *
 * @param minAge  youngest age the item applies to, inclusive, or null for no lower bound
 * @param maxAge  oldest age the item applies to, inclusive, or null for no upper bound
 * @param when    a further condition, or null
 */
public record Applicability(Integer minAge, Integer maxAge, Expression when) {

    /** Applies to every child. */
    public static final Applicability ALWAYS = new Applicability(null, null, null);

    /** True when the item applies to every child. */
    public boolean isAlways() {
        return minAge == null && maxAge == null && when == null;
    }

    /** The item ids (besides the age item) the rule reads. */
    public Set<String> references() {
        return when == null ? Set.of() : when.references();
    }

    /**
     * Whether the item applies to a case: yes, no, or unknown when the age or the condition's inputs are
     * unknown.
     *
     * @param age    the case's age value (ignored when no age bound is set)
     * @param values the case's other values, by item id
     */
    public Value appliesTo(Value age, Function<String, Value> values) {
        boolean unknown = false;
        if (minAge != null || maxAge != null) {
            if (!age.isNumber()) {
                unknown = true;
            } else {
                double a = age.number();
                if ((minAge != null && a < minAge) || (maxAge != null && a > maxAge)) {
                    return Value.NO;
                }
            }
        }
        if (when != null) {
            Value w = when.evaluate(values);
            if (w.isNumber() && w.number() == 0.0) {
                return Value.NO;
            }
            if (w.kind() == Value.Kind.NOT_APPLICABLE) {
                return Value.NO;
            }
            unknown |= !w.isNumber();
        }
        return unknown ? Value.UNKNOWN : Value.YES;
    }

    /** A short description for people, e.g. {@code ages 6–15}. */
    /** For whom the item exists, for people in Japanese and English. */
    public LocalizedText forWhom() {
        StringBuilder ja = new StringBuilder();
        StringBuilder en = new StringBuilder();
        if (minAge != null || maxAge != null) {
            String lo = minAge == null ? "0" : minAge.toString();
            String hi = maxAge == null ? "" : maxAge.toString();
            ja.append(lo).append("〜").append(hi).append("歳");
            en.append("ages ").append(lo).append('–').append(hi);
        }
        if (when != null) {
            ja.append(ja.length() > 0 ? "、" : "").append("条件 ").append(when.source());
            en.append(en.length() > 0 ? ", when " : "when ").append(when.source());
        }
        return ja.length() == 0 ? new LocalizedText("すべての子ども", "all")
                : new LocalizedText(ja + "の子どもが対象", en.toString());
    }

    /** For whom the item exists, in English (for logs and documentation). */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (minAge != null || maxAge != null) {
            s.append("ages ").append(minAge == null ? "0" : minAge).append('–').append(maxAge == null ? "" : maxAge);
        }
        if (when != null) {
            s.append(s.length() > 0 ? ", when " : "when ").append(when.source());
        }
        return s.length() == 0 ? "all" : s.toString();
    }
}
