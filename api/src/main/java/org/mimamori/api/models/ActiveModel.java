package org.mimamori.api.models;

import org.mimamori.model.scoring.Scorer;

/**
 * The model that scores: its version and its scorer (which also knows the schema).
 *
 * @param version the bundle's content-hash version
 * @param scorer  the scorer built from the bundle
 */
public record ActiveModel(String version, Scorer scorer) {
}
