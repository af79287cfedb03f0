package org.mimamori.api.contract;

/**
 * What text the service stores: text is stored exactly as it is answered, so text that could not be stored or
 * shown exactly is refused. Refused anywhere in a request (values and names): unpaired UTF-16 surrogates
 * (e.g. a lone U+D800), control characters other than tab, line feed and carriage return (U+0000–U+001F,
 * U+007F–U+009F) and the non-characters U+FFFE and U+FFFF.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * @param text some text
     * @return what is wrong with it, for people, or null when it may be stored
     */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (a broken character); send UTF-8 text";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (a broken character); send UTF-8 text";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "must not contain control characters (only tab and line breaks are allowed)";
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return "must not contain the non-characters U+FFFE or U+FFFF";
            }
        }
        return null;
    }
}
