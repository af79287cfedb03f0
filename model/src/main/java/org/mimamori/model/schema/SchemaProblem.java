package org.mimamori.model.schema;

/**
 * One problem found while loading a schema, with where it is.
 *
 * @param source  the file (or resource) name
 * @param line    1-based line, or 0 when not known
 * @param column  1-based column, or 0 when not known
 * @param path    where in the document, e.g. {@code items[4].type}
 * @param message what is wrong
 */
public record SchemaProblem(String source, int line, int column, String path, String message) {

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line + ":" + column : "") + ": " + path + ": " + message;
    }
}
