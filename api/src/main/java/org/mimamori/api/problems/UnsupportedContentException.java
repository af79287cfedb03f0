package org.mimamori.api.problems;

import org.mimamori.model.schema.LocalizedText;

/** The request body is not of a media type or charset the operation reads (415). */
public class UnsupportedContentException extends ProblemException {

    /**
     * @param text what went wrong, for people, in both languages
     */
    public UnsupportedContentException(LocalizedText text) {
        super(text);
    }

    /**
     * @param ja the Japanese text
     * @param en the English text
     */
    public UnsupportedContentException(String ja, String en) {
        super(new LocalizedText(ja, en));
    }
}
