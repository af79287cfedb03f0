package org.mimamori.model.scoring;

import java.util.Locale;

import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.value.Value;

/**
 * One item's part in a score: its value, the state the scorecard put it in, and how much that moved the
 * logit away from the baseline.
 *
 * @param item         the item
 * @param value        the case's value (possibly unknown or not applicable)
 * @param stateLabel   the scorecard state for people, e.g. {@code 3–5}, {@code yes}, {@code unknown}, or a
 *                     category's label
 * @param contribution the change in logit relative to the baseline
 */
public record Contribution(Item item, Value value, LocalizedText stateLabel, double contribution) {

    /** The state for people, in English. */
    public String state() {
        return stateLabel.en();
    }

    /** The state for people in a language. */
    public String state(Locale locale) {
        return stateLabel.in(locale);
    }

    /** {@code raises}, {@code lowers} or {@code neutral}. */
    public String direction() {
        return contribution > 0 ? "raises" : contribution < 0 ? "lowers" : "neutral";
    }
}
