package org.mimamori.api.problems;

import java.io.IOException;

import org.mimamori.model.schema.LocalizedText;

/** A request body did not arrive within the allowed time (408). Thrown while the body is read. */
public class BodyReadTimeoutException extends IOException {

    private final long seconds;

    /**
     * @param seconds the time allowed for the whole body
     */
    public BodyReadTimeoutException(long seconds) {
        super("The request body did not arrive within " + seconds + " s. Nothing was stored.");
        this.seconds = seconds;
    }

    /** What went wrong, for people, in both languages. */
    public LocalizedText text() {
        return new LocalizedText("リクエストの本文が " + seconds + " 秒以内に届きませんでした。何も保存していません。",
                getMessage());
    }
}
