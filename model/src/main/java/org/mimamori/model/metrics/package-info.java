/**
 * Binary-classification metrics on {@code double[] scores} and {@code boolean[] labels} (true = positive):
 * ranking ({@link org.mimamori.model.metrics.Roc}, {@link org.mimamori.model.metrics.PrecisionRecall}),
 * probability quality ({@link org.mimamori.model.metrics.Brier},
 * {@link org.mimamori.model.metrics.CalibrationTable}), decisions at a threshold
 * ({@link org.mimamori.model.metrics.ConfusionCounts}, {@link org.mimamori.model.metrics.ScoreBands}),
 * uncertainty ({@link org.mimamori.model.metrics.BootstrapInterval}) and the per-group fairness audit
 * ({@link org.mimamori.model.metrics.FairnessAudit}).
 *
 * <p>Every method checks that scores and labels have the same length and that no score is NaN. A rate
 * whose denominator is zero is {@link Double#NaN} ("undefined"), never 0; {@link
 * org.mimamori.model.metrics.MetricsJson} writes NaN as JSON {@code null}.
 */
package org.mimamori.model.metrics;
