package org.mimamori.model.scoring;

import org.mimamori.model.schema.Item;

/**
 * A change in one item's value that would move the logit, e.g. absences from "0" to "3–5".
 *
 * @param item       the item
 * @param from       the current state, for people
 * @param to         the changed state, for people
 * @param logitDelta how much the logit would change
 */
public record ItemChange(Item item, String from, String to, double logitDelta) {
}
