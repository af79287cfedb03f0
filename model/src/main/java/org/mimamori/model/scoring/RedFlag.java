package org.mimamori.model.scoring;

import org.mimamori.model.schema.LocalizedText;

/**
 * A rule from the schema that holds for this case and stands above any score.
 *
 * @param item    the red-flag item
 * @param message what staff are told
 */
public record RedFlag(String item, LocalizedText message) {
}
