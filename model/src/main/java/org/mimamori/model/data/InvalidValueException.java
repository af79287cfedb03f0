package org.mimamori.model.data;

import java.util.Objects;

import org.mimamori.model.schema.LocalizedText;

/** A value that is not valid for its item, with what is wrong in both languages (the message is the English). */
public final class InvalidValueException extends IllegalArgumentException {

    private final transient LocalizedText text;

    /** @param text what is wrong, for people */
    public InvalidValueException(LocalizedText text) {
        super(Objects.requireNonNull(text).en());
        this.text = text;
    }

    /** What is wrong, in both languages. */
    public LocalizedText text() {
        return text;
    }
}
