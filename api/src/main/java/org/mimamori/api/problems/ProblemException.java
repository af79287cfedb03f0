package org.mimamori.api.problems;

import java.util.Objects;

import org.mimamori.model.schema.LocalizedText;

/**
 * A failure whose explanation is for the caller, in both languages; the problem's {@code detail} is its text in
 * the reader's language. The exception's message (for logs) is the English text.
 */
public abstract class ProblemException extends RuntimeException {

    private final transient LocalizedText text;
    private final transient LocalizedText title;

    /** @param text what went wrong, for people; the title is the status's */
    protected ProblemException(LocalizedText text) {
        this(null, text);
    }

    /**
     * @param title the problem's title, or null for the status's
     * @param text  what went wrong, for people
     */
    protected ProblemException(LocalizedText title, LocalizedText text) {
        super(Objects.requireNonNull(text).en());
        this.text = text;
        this.title = title;
    }

    /** The problem's own title, or null for the status's title. */
    public LocalizedText title() {
        return title;
    }

    /** What went wrong, in both languages. */
    public LocalizedText text() {
        return text;
    }
}
