package org.mimamori.model.scoring;

import org.mimamori.model.schema.Item;
import org.mimamori.model.value.Value;

/**
 * One item's part in a score: its value, the state the scorecard put it in, and how much that moved the
 * logit away from the baseline.
 *
 * @param item         the item
 * @param value        the case's value (possibly unknown or not applicable)
 * @param state        the scorecard state for people, e.g. {@code 3–5}, {@code yes}, {@code unknown}
 * @param contribution the change in logit relative to the baseline
 */
public record Contribution(Item item, Value value, String state, double contribution) {

    /** {@code raises}, {@code lowers} or {@code neutral}. */
    public String direction() {
        return contribution > 0 ? "raises" : contribution < 0 ? "lowers" : "neutral";
    }
}
