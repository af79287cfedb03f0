package org.mimamori.api.problems;

/** The requested resource does not exist (404). */
public class NotFoundException extends RuntimeException {

    /**
     * @param message what was not found, for people
     */
    public NotFoundException(String message) {
        super(message);
    }
}
