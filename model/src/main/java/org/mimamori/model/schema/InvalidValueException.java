package org.mimamori.model.schema;

import java.util.Objects;


/**
 * A value that is not valid — an item's value, or a part of a model (a band, a calibrator, a setting) — with what is
 * wrong in both languages (the message is the English), so that a refusal reads in its reader's language.
 */
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
