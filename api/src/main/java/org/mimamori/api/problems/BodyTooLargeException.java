package org.mimamori.api.problems;

import java.io.IOException;

/** A request body is larger than allowed (413). Thrown while the body is read. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    /**
     * @param limit the largest allowed body, in bytes
     */
    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    /** The largest allowed body, in bytes. */
    public long limit() {
        return limit;
    }
}
