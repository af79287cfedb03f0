package org.mimamori.api.problems;

import java.util.Locale;
import java.util.Objects;

import org.mimamori.model.schema.LocalizedText;

/**
 * One bad field of a request.
 *
 * @param field   the field, e.g. {@code items.age_years}, {@code childRef} or {@code (body)}: the contract's own
 *                name, the same in every language
 * @param message what is wrong, for people, in both languages
 */
public record FieldProblem(String field, LocalizedText message) {

    /** A body that could not be read to its end: a broken chunked encoding, or the connection ended. */
    public static final FieldProblem BODY_CUT_OFF = new FieldProblem("(body)",
            "読めませんでした（chunked エンコーディングの破損、または本文の途中で接続が切れました）",
            "could not be read (a broken chunked encoding, or the connection ended before the body did)");

    /** Checks the parts. */
    public FieldProblem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(message);
    }

    /**
     * @param field the field
     * @param ja    what is wrong, in Japanese
     * @param en    what is wrong, in English
     */
    public FieldProblem(String field, String ja, String en) {
        this(field, new LocalizedText(ja, en));
    }

    /** The problem as the reader sees it in a problem's {@code errors} member. */
    public Shown in(Locale locale) {
        return new Shown(field, message.in(locale));
    }

    /**
     * A field problem in one language, as it is written in a response.
     *
     * @param field   the field
     * @param message what is wrong
     */
    public record Shown(String field, String message) {
    }

    @Override
    public String toString() {
        return field + ": " + message.en();
    }
}
