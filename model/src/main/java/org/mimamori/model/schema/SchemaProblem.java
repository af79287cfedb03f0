package org.mimamori.model.schema;

import java.util.Objects;

/**
 * One problem found while loading a schema, with where it is.
 *
 * @param source  the file (or resource) name
 * @param line    1-based line, or 0 when not known
 * @param column  1-based column, or 0 when not known
 * @param path    where in the document, e.g. {@code items[4].type}
 * @param text    what is wrong, in Japanese and English; identifiers, keys and values written in the schema are
 *                quoted as they are in both
 */
public record SchemaProblem(String source, int line, int column, String path, LocalizedText text) {

    /** Creates the problem; the text is required. */
    public SchemaProblem {
        Objects.requireNonNull(text, "text");
    }

    /** What is wrong, in English ({@code text().en()}). */
    public String message() {
        return text.en();
    }

    /** The problem with its location, in English: {@code source:line:column: path: message}. */
    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line + ":" + column : "") + ": " + path + ": " + message();
    }
}
