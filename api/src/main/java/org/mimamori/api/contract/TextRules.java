package org.mimamori.api.contract;

import org.mimamori.model.schema.LocalizedText;

/**
 * What text the service stores: text is stored exactly as it is answered, so text that could not be stored or
 * shown exactly is refused. Refused anywhere in a request (values and names): unpaired UTF-16 surrogates
 * (e.g. a lone U+D800), control characters other than tab, line feed and carriage return (U+0000–U+001F,
 * U+007F–U+009F) and the non-characters U+FFFE and U+FFFF.
 */
public final class TextRules {

    private static final LocalizedText SURROGATE = new LocalizedText(
            "対になっていないサロゲート（壊れた文字）を含めることはできません。UTF-8 のテキストを送ってください",
            "must not contain an unpaired surrogate (a broken character); send UTF-8 text");

    private TextRules() {
    }

    /**
     * @param text some text
     * @return what is wrong with it, for people in both languages, or null when it may be stored
     */
    public static LocalizedText problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return SURROGATE;
            }
            if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return new LocalizedText("制御文字を含めることはできません（タブと改行のみ使えます）",
                        "must not contain control characters (only tab and line breaks are allowed)");
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return new LocalizedText("非文字 U+FFFE・U+FFFF を含めることはできません",
                        "must not contain the non-characters U+FFFE or U+FFFF");
            }
        }
        return null;
    }
}
