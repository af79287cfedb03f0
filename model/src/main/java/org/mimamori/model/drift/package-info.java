/**
 * Drift and data quality: whether the cases being scored still look like the cases a model learned from, against
 * the bundle's {@link org.mimamori.model.scoring.TrainingReference}. {@link org.mimamori.model.drift.Drift#observe}
 * turns one scored case into the compact figures a service stores ({@link org.mimamori.model.drift.Observation});
 * a {@link org.mimamori.model.drift.DriftWindow} counts them; {@link org.mimamori.model.drift.Drift#assess} turns the
 * counts into a {@link org.mimamori.model.drift.DriftReport} with warnings at the
 * {@link org.mimamori.model.drift.DriftThresholds}. Plain Java, no Spring.
 */
package org.mimamori.model.drift;
