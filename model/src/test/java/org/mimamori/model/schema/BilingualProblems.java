package org.mimamori.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every problem of a refused schema is worded in Japanese as well as in English, and the two name the same
 * things: each quoted key, id or value and each number of the English is in the Japanese too.
 */
final class BilingualProblems {

    static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    /** A quoted word without spaces, e.g. {@code 'age_years'}; not the {@code 's} of "the schema's". */
    private static final Pattern QUOTED = Pattern.compile("'[^'\\s]+'");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    private BilingualProblems() {
    }

    /** Every problem of the exception is bilingual; there is at least one. */
    static void assertBilingual(InvalidSchemaException e) {
        assertThat(e.problems()).isNotEmpty();
        e.problems().forEach(BilingualProblems::assertBilingual);
    }

    /** The problem's Japanese is Japanese, differs from its English and names what the English names. */
    static void assertBilingual(SchemaProblem p) {
        String ja = p.text().ja();
        String en = p.text().en();
        assertThat(ja).as("the Japanese of %s", p).containsPattern(JAPANESE).isNotEqualTo(en);
        assertThat(p.message()).isEqualTo(en);
        assertThat(p.toString()).endsWith(": " + en);
        for (Pattern words : new Pattern[] {QUOTED, NUMBER}) {
            Matcher m = words.matcher(en);
            while (m.find()) {
                assertThat(ja).as("the Japanese of %s", p).contains(m.group());
            }
        }
    }
}
