package org.mimamori.api.problems;

import java.io.IOException;

import org.mimamori.model.schema.LocalizedText;

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

    /** What went wrong, for people, in both languages. */
    public LocalizedText text() {
        return new LocalizedText("リクエストの本文が上限（" + limit + " バイト）を超えています。何も保存していません。",
                "The request body is larger than " + limit + " bytes. Nothing was stored.");
    }

    /** The largest allowed body, in bytes. */
    public long limit() {
        return limit;
    }
}
