package org.mimamori.api.problems;

/** The request conflicts with what is recorded, e.g. a second outcome for a score (409). */
public class ConflictException extends RuntimeException {

    /**
     * @param message what conflicts, for people
     */
    public ConflictException(String message) {
        super(message);
    }
}
