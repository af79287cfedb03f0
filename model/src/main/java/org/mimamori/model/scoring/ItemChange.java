package org.mimamori.model.scoring;

import java.util.Locale;

import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;

/**
 * A change in one item's value that would move the logit, e.g. absences from "0" to "3–5".
 *
 * @param item       the item
 * @param fromLabel  the current state, for people
 * @param toLabel    the changed state, for people
 * @param logitDelta how much the logit would change
 */
public record ItemChange(Item item, LocalizedText fromLabel, LocalizedText toLabel, double logitDelta) {

    /** The current state, in English. */
    public String from() {
        return fromLabel.en();
    }

    /** The changed state, in English. */
    public String to() {
        return toLabel.en();
    }

    /** The current state in a language. */
    public String from(Locale locale) {
        return fromLabel.in(locale);
    }

    /** The changed state in a language. */
    public String to(Locale locale) {
        return toLabel.in(locale);
    }
}
