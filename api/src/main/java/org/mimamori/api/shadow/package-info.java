/**
 * Shadow scoring and the shadow report ({@code GET /api/v1/models/{version}/shadow-report}). The model in shadow
 * ({@link org.mimamori.api.models.ActiveModels#shadow()}) scores every score the active model records, live or
 * in a screening, silently: {@link org.mimamori.api.shadow.ShadowScorer} is told of each recorded score
 * ({@link org.mimamori.api.scoring.ScoreListener}) and, after the recording commits, scores the same case with
 * the shadow model on one background thread with a bounded queue, storing the result apart (tables
 * {@code shadow_score} and {@code shadow_contribution}). It can never fail or slow a live score: every failure is
 * caught and counted, and when the queue is full the work is dropped and counted
 * ({@code mimamori.shadow.scores{outcome=stored|dropped|failed}}). The shadow result is never part of a score's
 * response, a review list or anything else caseworkers see. The report compares the two models over what the
 * shadow model scored ({@link org.mimamori.model.metrics.ShadowComparison}); its headline is what the approval
 * records ({@link org.mimamori.api.models.ShadowReports}). See {@code docs/models.md}, "Shadow report".
 */
package org.mimamori.api.shadow;
