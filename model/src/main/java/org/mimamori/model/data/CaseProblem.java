package org.mimamori.model.data;

/**
 * One problem with the input of a case, naming the field.
 *
 * @param field   the item id (or column) at fault
 * @param row     1-based data row of a CSV file, or 0 outside files
 * @param message what is wrong, for people
 */
public record CaseProblem(String field, int row, String message) {

    /** A problem outside a file. */
    public static CaseProblem of(String field, String message) {
        return new CaseProblem(field, 0, message);
    }

    @Override
    public String toString() {
        return (row > 0 ? "row " + row + ", " : "") + field + ": " + message;
    }
}
