package org.mimamori.model.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Japanese and English.
 *
 * @param ja the Japanese text
 * @param en the English text
 */
public record LocalizedText(String ja, String en) {

    /** Creates the text; at least one language must be given, the other falls back to it. */
    public LocalizedText {
        if (ja == null && en == null) {
            throw new InvalidValueException(new LocalizedText("日本語か英語の文が必要です", "a text needs Japanese or English"));
        }
        ja = ja == null ? en : ja;
        en = en == null ? ja : en;
    }

    /** The same text in both languages. */
    public static LocalizedText of(String text) {
        return new LocalizedText(Objects.requireNonNull(text), text);
    }

    /** The text in the given locale: Japanese for {@code ja}, English otherwise. */
    public String in(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage()) ? ja : en;
    }
}
