package org.mimamori.api.problems;

import org.mimamori.model.schema.LocalizedText;

/** The request conflicts with what is recorded, e.g. a second outcome for a score (409). */
public class ConflictException extends ProblemException {

    /**
     * @param text what went wrong, for people, in both languages
     */
    public ConflictException(LocalizedText text) {
        super(text);
    }

    /**
     * @param ja the Japanese text
     * @param en the English text
     */
    public ConflictException(String ja, String en) {
        super(new LocalizedText(ja, en));
    }
}
