package org.mimamori.api.problems;

/** The service cannot serve the request now, e.g. no active model yet (503). */
public class UnavailableException extends RuntimeException {

    /**
     * @param message why, for people
     */
    public UnavailableException(String message) {
        super(message);
    }
}
