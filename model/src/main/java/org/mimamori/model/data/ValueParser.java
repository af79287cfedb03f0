package org.mimamori.model.data;

import java.util.Locale;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.value.Value;

/**
 * Turns text (CSV cells) and JSON scalars into checked {@link Value}s, by the conventions in
 * {@code docs/data.md}: an empty cell, JSON {@code null} or {@code "unknown"} is unknown;
 * {@code "not_applicable"} is not applicable; yes/no accepts yes, no, true, false, 1 and 0.
 */
public final class ValueParser {

    /** How an unknown value is written in CSV: an empty cell. */
    public static final String UNKNOWN_TEXT = "unknown";
    /** How a not-applicable value is written. */
    public static final String NOT_APPLICABLE_TEXT = "not_applicable";

    private ValueParser() {
    }

    /**
     * Parses one CSV cell for an item.
     *
     * @throws InvalidValueException saying, for people, why the text is not a valid value
     */
    public static Value fromText(Item item, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equals(UNKNOWN_TEXT)) {
            return Value.UNKNOWN;
        }
        if (t.equals(NOT_APPLICABLE_TEXT)) {
            return Value.NOT_APPLICABLE;
        }
        Value v;
        if (item.type() == ItemType.CATEGORICAL || item.type() == ItemType.TEXT) {
            v = Value.category(t);
        } else if (item.type() == ItemType.YES_NO) {
            v = yesNo(t);
            if (v == null) {
                throw notA(t, item);
            }
        } else {
            try {
                v = Value.of(Double.parseDouble(t));
            } catch (IllegalArgumentException e) {
                throw notA(t, item);
            }
        }
        return checked(item, v, t);
    }

    /**
     * Converts one JSON scalar (as decoded: null, Boolean, Number or String) for an item. Numbers must be
     * JSON numbers; text is accepted only for categories, yes/no words and the two missing-value words.
     *
     * @throws InvalidValueException saying, for people, why the value has the wrong type or range
     */
    public static Value fromJson(Item item, Object json) {
        if (json == null) {
            return Value.UNKNOWN;
        }
        if (json instanceof String s) {
            if (s.equals(UNKNOWN_TEXT)) {
                return Value.UNKNOWN;
            }
            if (s.equals(NOT_APPLICABLE_TEXT)) {
                return Value.NOT_APPLICABLE;
            }
            if (item.type() == ItemType.CATEGORICAL || item.type() == ItemType.TEXT) {
                return checked(item, Value.category(s), s);
            }
            Value v = item.type() == ItemType.YES_NO ? yesNo(s.trim()) : null;
            if (v == null) {
                throw wrongKind("\"" + s + "\"", "文字列", "text", item);
            }
            return v;
        }
        if (json instanceof Boolean b) {
            if (item.type() != ItemType.YES_NO) {
                throw wrongKind(String.valueOf(b), "真偽値", "a boolean", item);
            }
            return Value.of(b);
        }
        if (json instanceof Number n) {
            if (item.type() == ItemType.CATEGORICAL || item.type() == ItemType.TEXT) {
                throw wrongKind(String.valueOf(n), "数値", "a number", item);
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw notA(String.valueOf(n), item);
            }
            return checked(item, Value.of(d), String.valueOf(n));
        }
        LocalizedText expected = item.expected();
        throw new InvalidValueException(new LocalizedText(expected.ja() + "を指定してください", "expected " + expected.en()));
    }

    /** The CSV text of a value: empty for unknown, {@code not_applicable}, or the value. */
    public static String toText(Value v) {
        return switch (v.kind()) {
            case UNKNOWN -> "";
            case NOT_APPLICABLE -> NOT_APPLICABLE_TEXT;
            case NUMBER -> Value.formatNumber(v.number());
            case CATEGORY -> v.category();
        };
    }

    private static Value checked(Item item, Value v, String text) {
        LocalizedText problem = item.problemWith(v);
        if (problem != null) {
            throw new InvalidValueException(new LocalizedText("'" + text + "' は範囲外です：" + problem.ja(),
                    "'" + text + "' is out of range: " + problem.en()));
        }
        return v;
    }

    private static InvalidValueException notA(String text, Item item) {
        LocalizedText expected = item.expected();
        return new InvalidValueException(new LocalizedText("'" + text + "' は" + expected.ja() + "ではありません",
                "'" + text + "' is not " + expected.en()));
    }

    private static InvalidValueException wrongKind(String shown, String kindJa, String kindEn, Item item) {
        LocalizedText expected = item.expected();
        return new InvalidValueException(new LocalizedText(shown + " は" + kindJa + "です。" + expected.ja() + "を指定してください",
                shown + " is " + kindEn + "; expected " + expected.en()));
    }

    private static Value yesNo(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "1.0" -> Value.YES;
            case "no", "false", "0", "0.0" -> Value.NO;
            default -> null;
        };
    }
}
