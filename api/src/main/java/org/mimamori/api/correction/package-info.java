/**
 * Families' right to correction: {@code POST /api/v1/scores/{id}/corrections} (privacy officer) scores the
 * corrected inputs of a score again as a new version, by the model of the original while it is registered (else
 * the active one), and marks the original superseded; the original, and the decisions, outcomes and own
 * assessments made on it, are kept as they were. One audit record per correction, in its transaction.
 */
package org.mimamori.api.correction;
