package org.mimamori.model.schema;

import java.util.Collection;

import org.mimamori.model.value.Spelling;

/** The suggestion added to a problem about a misspelt word, in both languages. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * {@code " (did you mean 'x'?)"} and {@code "（'x' の誤りですか？）"} for the closest candidate, or empty texts.
     *
     * @param word       the word as written
     * @param candidates the words it may have meant
     * @return the suggestion
     */
    public static LocalizedText of(String word, Collection<String> candidates) {
        return Spelling.closest(word, candidates).map(c -> new LocalizedText("（'" + c + "' の誤りですか？）",
                " (did you mean '" + c + "'?)")).orElse(new LocalizedText("", ""));
    }
}
