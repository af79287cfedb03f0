package org.mimamori.model.scoring;

import org.mimamori.model.schema.LocalizedText;

/**
 * Something staff must know to read a score correctly: what the model could not see, or why the estimate
 * deserves less trust.
 *
 * @param code    a stable machine-readable code (see {@link Warnings})
 * @param item    the item concerned, or null
 * @param message the warning for people
 */
public record Warning(String code, String item, LocalizedText message) {
}
