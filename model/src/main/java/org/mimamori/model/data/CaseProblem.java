package org.mimamori.model.data;

import java.util.Objects;

import org.mimamori.model.schema.LocalizedText;

/**
 * One problem with the input of a case, naming the field.
 *
 * @param field the item id (or column) at fault
 * @param row   1-based data row of a CSV file, or 0 outside files
 * @param text  what is wrong, for people, in both languages
 */
public record CaseProblem(String field, int row, LocalizedText text) {

    /** Checks the parts. */
    public CaseProblem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(text);
    }

    /** A problem outside a file. */
    public static CaseProblem of(String field, LocalizedText text) {
        return new CaseProblem(field, 0, text);
    }

    /** What is wrong, in English (logs, the command line). */
    public String message() {
        return text.en();
    }

    @Override
    public String toString() {
        return (row > 0 ? "row " + row + ", " : "") + field + ": " + message();
    }
}
