/**
 * Similar past cases, aggregated ({@code GET /api/v1/scores/{id}/similar-outcomes}): the municipality's own
 * recorded outcomes of the past children whose recorded input items were in the same states as the items that
 * moved a score most, as counts and a share, never as a list, and nothing below a minimum group size
 * ({@code mimamori.similar.min-group-size}, default 20). The similarity key of a score (table
 * {@code score_state}) is a pure function of its inputs and model: {@link org.mimamori.api.similar.ScoreStates}
 * writes it when the score is given an outcome and derives it again for the score a query starts from; the
 * outcomes are the service's own ({@code outcome}), so a model bundle never holds case records. Every query is
 * audited. See {@code docs/api.md}, "Similar past cases".
 */
package org.mimamori.api.similar;
