/**
 * The {@code audit} subcommand: a per-group fairness audit of any CSV of scores, labels and group columns
 * (from this model or from any other tool), printed as a readable table or as one JSON object. The
 * computation itself is {@link org.mimamori.model.metrics.FairnessAudit}; this package reads and checks the
 * input and presents the result.
 */
package org.mimamori.training.audit;
