package org.mimamori.api.problems;

import java.io.IOException;

/** A request body did not arrive within the allowed time (408). Thrown while the body is read. */
public class BodyReadTimeoutException extends IOException {

    /**
     * @param seconds the time allowed for the whole body
     */
    public BodyReadTimeoutException(long seconds) {
        super("The request body did not arrive within " + seconds + " s. Nothing was stored.");
    }
}
