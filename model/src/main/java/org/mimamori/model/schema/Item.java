package org.mimamori.model.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mimamori.model.expr.Expression;
import org.mimamori.model.value.Spelling;
import org.mimamori.model.value.Value;

/**
 * One data item of a {@link FeatureSchema}: what it is, where it comes from, which values are valid, for
 * whom it exists and what it is used for. Immutable.
 *
 * @param id            identifier, lower case with underscores (also the CSV column and JSON key)
 * @param source        the department or register that holds it, as an id; people read its name,
 *                      {@link FeatureSchema#sourceLabel(String)}
 * @param type          the value type
 * @param min           smallest valid value (numeric types), or null
 * @param max           largest valid value (numeric types), or null
 * @param categories    the valid category codes (categorical items), else empty
 * @param categoryLabels labels of the category codes that have one (codes without a label are shown as they are)
 * @param applicability for whom the item exists
 * @param tier          core or optional
 * @param role          what the item is for
 * @param label         a short label in Japanese and English
 * @param description   a longer description, or null
 * @param derived       the expression computing a derived item, or null for a recorded item
 * @param sensitive     true for items that need special care (shown in documentation and audits)
 * @param redFlag       the rule of a red-flag item, or null
 * @param positive      the positive value of the label item, or null
 * @param changeable    for a model input: whether it is a circumstance that support or time can change
 *                      (attendance, arrears, check-ups) — true — or not (age, history, receipt of aid or services,
 *                      derived items, demographics) — false; null when the schema does not say. Only changeable
 *                      items are offered as band moves.
 */
public record Item(String id, String source, ItemType type, Double min, Double max, List<String> categories,
                   Map<String, LocalizedText> categoryLabels, Applicability applicability, Tier tier, Role role,
                   LocalizedText label, LocalizedText description, Expression derived, boolean sensitive,
                   RedFlagRule redFlag, Value positive, Boolean changeable) {

    /** Normalises the lists. */
    public Item {
        categories = categories == null ? List.of() : List.copyOf(categories);
        categoryLabels = categoryLabels == null ? Map.of() : Map.copyOf(categoryLabels);
        applicability = applicability == null ? Applicability.ALWAYS : applicability;
    }

    /** True when the item is computed from other items rather than recorded. */
    public boolean isDerived() {
        return derived != null;
    }

    /** True when the schema marks the item as a circumstance that support or time can change. */
    public boolean isChangeable() {
        return Boolean.TRUE.equals(changeable);
    }

    /**
     * Why the item's value may not be sent for scoring (in a score request's items or a cohort file's columns),
     * or null when it may: recorded inputs, audit groups, red flags and what is already known may be sent; the
     * training label, analysis-only items and derived items never are, and the reference is sent on its own.
     */
    public String whyNotSentForScoring() {
        return switch (role) {
            case LABEL -> "is the training label and is never sent for scoring";
            case ANALYSIS, GROUP, IGNORE -> "is kept for analysis only and is not sent for scoring (data minimisation)";
            case REFERENCE_ID -> "is the child's reference and is sent on its own";
            case INPUT, AUDIT_GROUP, RED_FLAG, ALREADY_KNOWN -> isDerived()
                    ? "is derived from other items (" + derived.source() + ") and cannot be sent" : null;
        };
    }

    /** True when the model uses the item. */
    public boolean isInput() {
        return role == Role.INPUT;
    }

    /** False for an item of role {@code ignore}: its column is accepted with any text and never read. */
    public boolean isRead() {
        return role != Role.IGNORE;
    }

    /**
     * A category code for people: its label followed by the code, e.g. {@code no checking account (A14)}, or
     * the code alone when it has no label.
     */
    public LocalizedText categoryText(String code) {
        LocalizedText l = categoryLabels.get(code);
        return l == null ? LocalizedText.of(code)
                : new LocalizedText(l.ja() + " (" + code + ")", l.en() + " (" + code + ")");
    }

    /** The label in the given locale. */
    public String label(Locale locale) {
        return label.in(locale);
    }

    /**
     * Checks a recorded value against the type and range. Returns null when valid, else a message for people
     * (e.g. {@code must be between 0 and 17}).
     */
    public String problemWith(Value value) {
        if (!value.isKnown()) {
            return null;
        }
        if (type == ItemType.CATEGORICAL || type == ItemType.TEXT) {
            if (value.isNumber()) {
                return type == ItemType.TEXT ? null : "must be one of " + categories;
            }
            return type == ItemType.CATEGORICAL && !categories.contains(value.category())
                    ? "must be one of " + categories + Spelling.didYouMean(value.category(), categories) : null;
        }
        if (!value.isNumber()) {
            return "must be " + expected();
        }
        double x = value.number();
        if (type.isWholeNumber() && x != Math.rint(x)) {
            return "must be " + expected();
        }
        if (type == ItemType.YES_NO && x != 0.0 && x != 1.0) {
            return "must be " + expected();
        }
        if ((min != null && x < min) || (max != null && x > max)) {
            return "must be " + expected();
        }
        return null;
    }

    /** What a valid recorded value looks like, in words. */
    public String expected() {
        return switch (type) {
            case YES_NO -> "yes or no (1 or 0)";
            case CATEGORICAL -> "one of " + categories;
            case TEXT -> "text";
            default -> (type == ItemType.INTEGER || type == ItemType.ORDINAL ? "a whole number" : "a number")
                    + range();
        };
    }

    private String range() {
        if (min != null && max != null) {
            return " between " + Value.of(min) + " and " + Value.of(max);
        }
        if (min != null) {
            return " of at least " + Value.of(min);
        }
        if (max != null) {
            return " of at most " + Value.of(max);
        }
        return "";
    }
}
