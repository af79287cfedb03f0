package org.mimamori.api.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.mimamori.api.security.Caller;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;

/**
 * Records scores made elsewhere than {@code POST /api/v1/scores} (batch screening, corrected versions), exactly
 * as that endpoint would have recorded them, so that {@code GET /api/v1/scores/{id}} serves them and decisions and
 * outcomes can attach to them.
 */
public interface ScoreRecorder {

    /**
     * One score to record.
     *
     * @param id        the score id
     * @param childRef  the child's pseudonymous reference
     * @param items     the recorded inputs, as a score request's {@code items}
     * @param input     the case as the model read it
     * @param explained the explained score
     */
    record Batched(UUID id, String childRef, Map<String, Object> items, Case input, ExplainedScore explained) {
    }

    /**
     * Records scores with the purpose {@code screening} in one JDBC batch, in the caller's transaction (there
     * must be one), and tells the {@link ScoreListener}s.
     *
     * @param screeningId the screening they belong to
     * @param scores    the scores
     * @param schema    the schema they were scored with
     * @param caller    who asked for them
     * @param locale    the language of labels and messages
     * @param createdAt when they were made
     */
    void recordScreening(String screeningId, List<Batched> scores, FeatureSchema schema, Caller caller, Locale locale, Instant createdAt);

    /**
     * A corrected version of a recorded score: the same child and purpose, the corrected inputs scored again.
     *
     * @param id         the new version's id
     * @param supersedes the id of the version it replaces (current, locked by the caller)
     * @param versionNo  the new version's number (the replaced version's plus one)
     * @param childRef   the child's pseudonymous reference
     * @param purpose    the purpose of the replaced version
     * @param items      the corrected inputs, as a score request's {@code items}
     * @param explained  the explained score of the corrected inputs
     * @param schema     the schema of the model that scored them
     * @param reason     why the inputs were corrected
     */
    record Correction(UUID id, String supersedes, int versionNo, String childRef, String purpose,
                      Map<String, Object> items, ExplainedScore explained, FeatureSchema schema, String reason) {
    }

    /**
     * Records a corrected version as {@code POST /api/v1/scores} would record a score (its response, columns and
     * similarity key) and marks the version it replaces as superseded by it, in the caller's transaction (there
     * must be one). The replaced version stays as it was otherwise.
     *
     * @param correction the corrected version
     * @param caller     who corrected it
     * @param locale     the language of labels and messages
     * @param at         when
     * @return the new version's response as {@code GET /api/v1/scores/{id}} gives it (with its version marks)
     * @throws org.mimamori.api.problems.ConflictException when the replaced version is superseded already
     */
    String recordCorrection(Correction correction, Caller caller, Locale locale, Instant at);

    /**
     * Reads a score request's {@code items} by a schema, as {@code POST /api/v1/scores} does.
     *
     * @param schema the schema of the model that will score them
     * @param items  the items
     * @return the case
     * @throws org.mimamori.api.problems.InvalidRequestException naming every bad item ({@code items.<id>})
     */
    static Case readItems(FeatureSchema schema, Map<String, Object> items) {
        return CaseReader.read(schema, items);
    }
}
