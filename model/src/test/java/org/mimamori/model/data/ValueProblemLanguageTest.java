package org.mimamori.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.schema.SchemaLoader;

/**
 * Every refused value is explained in both languages, for any item of the schema and any value: the Japanese
 * text is Japanese, the English text has no Japanese, and both quote the value as sent.
 */
class ValueProblemLanguageTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    @Provide
    Arbitrary<Item> items() {
        return Arbitraries.of(SCHEMA.items().stream().filter(i -> i.whyNotSentForScoring() == null).toList());
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-1000, 1000).map(Object.class::cast),
                Arbitraries.doubles().between(-100, 100).ofScale(2).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.strings().alpha().ofMaxLength(8).map(Object.class::cast));
    }

    @Property(tries = 500)
    void aRefusedJsonValueIsExplainedInBothLanguages(@ForAll("items") Item item, @ForAll("jsonValues") Object v) {
        try {
            ValueParser.fromJson(item, v);
        } catch (InvalidValueException e) {
            check(e.text(), String.valueOf(v));
        }
    }

    @Property(tries = 500)
    void aRefusedCsvCellIsExplainedInBothLanguages(@ForAll("items") Item item, @ForAll("jsonValues") Object v) {
        String cell = String.valueOf(v);
        try {
            ValueParser.fromText(item, cell);
        } catch (InvalidValueException e) {
            check(e.text(), cell);
        }
    }

    @Property(tries = 200)
    void aValueOutsideItsItemIsExplainedInBothLanguages(@ForAll("items") Item item) {
        int refused = 0;
        for (Object v : List.of(-1_000_000, 1_000_000, 0.5, "no-such-code", true)) {
            try {
                ValueParser.fromJson(item, v);
            } catch (InvalidValueException e) {
                check(e.text(), String.valueOf(v));
                refused++;
            }
        }
        assertThat(refused).as("some of these values are wrong for every kind of item").isPositive();
    }

    private static void check(LocalizedText text, String shown) {
        assertThat(text.ja()).containsPattern(JAPANESE).contains(shown);
        assertThat(text.en()).doesNotContainPattern(JAPANESE).contains(shown);
    }
}
