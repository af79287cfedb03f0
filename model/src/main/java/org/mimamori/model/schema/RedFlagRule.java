package org.mimamori.model.schema;

import org.mimamori.model.expr.Expression;

/**
 * A rule that stands above any score: when its condition holds for a case, the service raises the flag
 * whatever the estimate says.
 *
 * @param item    the red-flag item the rule belongs to
 * @param when    the condition, e.g. {@code child_asked_for_help == yes}
 * @param message what staff are told, in Japanese and English
 */
public record RedFlagRule(String item, Expression when, LocalizedText message) {
}
