package org.mimamori.model.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mimamori.model.expr.Expression;
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
    public LocalizedText whyNotSentForScoring() {
        return switch (role) {
            case LABEL -> new LocalizedText("学習用の正解ラベルで、スコア算出には送りません",
                    "is the training label and is never sent for scoring");
            case ANALYSIS, GROUP, IGNORE -> new LocalizedText("分析専用の項目で、スコア算出には送りません（データ最小化）",
                    "is kept for analysis only and is not sent for scoring (data minimisation)");
            case REFERENCE_ID -> new LocalizedText("子どもの参照番号で、項目とは別に送ります",
                    "is the child's reference and is sent on its own");
            case INPUT, AUDIT_GROUP, RED_FLAG, ALREADY_KNOWN -> isDerived()
                    ? new LocalizedText("他の項目（" + derived.source() + "）から算出されるため、送ることはできません",
                            "is derived from other items (" + derived.source() + ") and cannot be sent") : null;
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
    public LocalizedText problemWith(Value value) {
        if (!value.isKnown()) {
            return null;
        }
        if (type == ItemType.CATEGORICAL || type == ItemType.TEXT) {
            if (value.isNumber()) {
                return type == ItemType.TEXT ? null : mustBe(expected(), new LocalizedText("", ""));
            }
            return type == ItemType.CATEGORICAL && !categories.contains(value.category())
                    ? mustBe(expected(), DidYouMean.of(value.category(), categories)) : null;
        }
        boolean bad = !value.isNumber()
                || type.isWholeNumber() && value.number() != Math.rint(value.number())
                || type == ItemType.YES_NO && value.number() != 0.0 && value.number() != 1.0
                || min != null && value.number() < min || max != null && value.number() > max;
        return bad ? mustBe(expected(), new LocalizedText("", "")) : null;
    }

    private static LocalizedText mustBe(LocalizedText expected, LocalizedText guess) {
        return new LocalizedText(expected.ja() + "でなければなりません" + guess.ja(), "must be " + expected.en() + guess.en());
    }

    /** What a valid recorded value looks like, in words, e.g. "a whole number between 0 and 18". */
    public LocalizedText expected() {
        return switch (type) {
            case YES_NO -> new LocalizedText("はい・いいえ（1 または 0）", "yes or no (1 or 0)");
            case CATEGORICAL -> new LocalizedText(categories + " のいずれか", "one of " + categories);
            case TEXT -> new LocalizedText("文字列", "text");
            default -> {
                String whole = type == ItemType.INTEGER || type == ItemType.ORDINAL ? "整数" : "数値";
                String en = type == ItemType.INTEGER || type == ItemType.ORDINAL ? "a whole number" : "a number";
                yield min != null && max != null
                        ? new LocalizedText(Value.of(min) + " 以上 " + Value.of(max) + " 以下の" + whole,
                                en + " between " + Value.of(min) + " and " + Value.of(max))
                        : min != null
                        ? new LocalizedText(Value.of(min) + " 以上の" + whole, en + " of at least " + Value.of(min))
                        : max != null
                        ? new LocalizedText(Value.of(max) + " 以下の" + whole, en + " of at most " + Value.of(max))
                        : new LocalizedText(whole, en);
            }
        };
    }
}
