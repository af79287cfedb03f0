/**
 * Scoring and explanation: the {@link org.mimamori.model.scoring.Scorecard} with exact per-item
 * contributions, bootstrap intervals, warnings about what the model cannot see, red flags that stand above
 * any score, and the changes that would move a case across a band boundary, assembled by the
 * {@link org.mimamori.model.scoring.Scorer} into an {@link org.mimamori.model.scoring.ExplainedScore}.
 */
package org.mimamori.model.scoring;
