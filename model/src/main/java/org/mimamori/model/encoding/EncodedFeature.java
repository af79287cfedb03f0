package org.mimamori.model.encoding;

import java.util.Locale;

import org.mimamori.model.schema.LocalizedText;

/**
 * One model feature and the item it belongs to. Every feature maps back to exactly one item.
 *
 * @param index       position in {@link CaseEncoder#features()}
 * @param name        the Tribuo feature name, {@code item@state}
 * @param item        the item id
 * @param state       the item state it stands for: a bin ({@code b0}, {@code b1}, ...), {@code yes}, {@code no},
 *                    {@code =category}, {@code unknown}, {@code not_applicable}, or {@code value} (raw style)
 * @param label       the state for people, e.g. {@code 3–5}, {@code unknown} or a category's label
 */
public record EncodedFeature(int index, String name, String item, String state, LocalizedText label) {

    /** The state for people, in English (codes and numbers read the same in both languages). */
    public String description() {
        return label.en();
    }

    /** The state for people in a language. */
    public String description(Locale locale) {
        return label.in(locale);
    }

    /** The separator between item id and state in feature names. */
    public static final char SEPARATOR = '@';

    /** The item id a feature name belongs to. */
    public static String itemOf(String featureName) {
        int at = featureName.indexOf(SEPARATOR);
        return at < 0 ? featureName : featureName.substring(0, at);
    }
}
