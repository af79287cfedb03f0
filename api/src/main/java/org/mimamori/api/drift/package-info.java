/**
 * Drift and data quality of what the active model scores (docs/models.md, "Drift and data quality").
 * {@link org.mimamori.api.drift.DriftRecorder} keeps, with every recorded score, the encoded state of each input
 * item (tables {@code drift_observation} and {@code drift_item_state}, migration V13); the window and each
 * screening are read back from the database, so every instance sees the same figures. The figures themselves are
 * {@link org.mimamori.model.drift.Drift}'s. Served at {@code GET /api/v1/monitoring/drift} and
 * {@code GET /api/v1/screenings/{id}/drift}, as Prometheus gauges ({@code mimamori_drift_psi},
 * {@code mimamori_unknown_rate}, ...) and on the review page's drift panel.
 */
package org.mimamori.api.drift;
