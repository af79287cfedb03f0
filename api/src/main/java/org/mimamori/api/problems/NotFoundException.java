package org.mimamori.api.problems;

import org.mimamori.model.schema.LocalizedText;

/** The requested resource does not exist (404). */
public class NotFoundException extends ProblemException {

    /**
     * @param text what went wrong, for people, in both languages
     */
    public NotFoundException(LocalizedText text) {
        super(text);
    }

    /**
     * @param ja the Japanese text
     * @param en the English text
     */
    public NotFoundException(String ja, String en) {
        super(new LocalizedText(ja, en));
    }

    /** No score has this id. */
    public static NotFoundException noScore(Object id) {
        return new NotFoundException("ID " + id + " のスコアはありません。", "No score with id " + id + ".");
    }
}
