/**
 * Outcome monitoring: how a model in use compares with what staff later confirmed, and how staff decisions and
 * the model's flags fall across audit groups ({@link org.mimamori.model.monitoring.OutcomeMonitor}). Built on
 * the metrics of {@link org.mimamori.model.metrics}; plain Java, no I/O.
 *
 * <p>Outcomes exist only for children whom staff assessed, so every outcome figure describes those children, not
 * everyone scored ({@link org.mimamori.model.monitoring.OutcomeReport#SELECTION_BIAS}). Figures about fewer
 * children than the minimum group size are suppressed (not computed, never shown): for privacy, and because
 * such figures are noise.
 */
package org.mimamori.model.monitoring;
