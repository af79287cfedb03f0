package org.mimamori.api.problems;

/**
 * One bad field of a request.
 *
 * @param field   the field, e.g. {@code items.age_years}, {@code childRef} or {@code (body)}
 * @param message what is wrong, for people
 */
public record FieldProblem(String field, String message) {
}
