package org.mimamori.api.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;

/**
 * Told of the scores the active model makes and records: each {@code POST /api/v1/scores} and each stored batch of
 * a screening (not corrected versions, which may be scored by an earlier model). Every bean implementing it is
 * called, in no set order, inside the transaction that records the scores, after their rows are written.
 *
 * <p>An exception from a listener rolls the recording back and the caller gets no score. A listener whose work
 * must never cost a score (shadow scoring, monitoring) catches its own failures or does its work after the
 * commit ({@link org.springframework.transaction.support.TransactionSynchronization}).
 */
public interface ScoreListener {

    /**
     * One recorded score.
     *
     * @param scoreId     the score's id
     * @param childRef    the child's pseudonymous reference
     * @param purpose     the purpose it was scored for (the contract's {@code Purpose} value)
     * @param input       the case as the model read it
     * @param explained   the explained score
     * @param screeningId the screening it belongs to, or null for a single score
     */
    record Recorded(UUID scoreId, String childRef, String purpose, Case input, ExplainedScore explained,
                    String screeningId) {
    }

    /**
     * Scores were recorded.
     *
     * @param scores the scores, in the order they were made
     * @param schema the schema of the model that made them
     * @param at     when they were recorded
     */
    void recorded(List<Recorded> scores, FeatureSchema schema, Instant at);
}
