package org.mimamori.api.problems;

import org.mimamori.model.schema.LocalizedText;

/** The caller's role may do this in general, but not in this case, e.g. approve a model they uploaded (403). */
public class ForbiddenException extends ProblemException {

    /**
     * @param title the problem's title
     * @param text  why, for people
     */
    public ForbiddenException(LocalizedText title, LocalizedText text) {
        super(title, text);
    }
}
