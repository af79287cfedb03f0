package org.mimamori.api.problems;

/** The request body is not of a media type or charset the operation reads (415). */
public class UnsupportedContentException extends RuntimeException {

    /**
     * @param message what to send instead, for people
     */
    public UnsupportedContentException(String message) {
        super(message);
    }
}
