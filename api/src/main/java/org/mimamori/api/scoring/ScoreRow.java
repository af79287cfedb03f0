package org.mimamori.api.scoring;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code score}: inputs, the response as given (as text before V21, compressed since V22) or what renders it
 * again, its language and fingerprint ({@link StoredResponses}), the model, who asked, why and when, and the band id,
 * probability (both null when withheld) and number of red flags as plain columns; its version marks
 * ({@code V10__score_versions.sql}): the version number, the version it supersedes and why, and the version that
 * superseded it and when (all null for a score never corrected).
 */
@Table("score")
record ScoreRow(@Id String id, String childRef, String purpose, String modelVersion, String schemaId,
                String requestedBy, String requesterRole, Instant createdAt, String requestJson,
                String responseJson, String bandId, Double probability, int redFlagCount, int versionNo,
                String supersedes, String correctionReason, String supersededBy, Instant supersededAt,
                String responseLanguage, String responseFingerprint, byte[] responseKept) {

    /** What renders its response ({@link StoredResponses}). */
    StoredResponses.Stored stored() {
        return new StoredResponses.Stored(id, requestJson, modelVersion, createdAt, requestedBy, requesterRole,
                responseJson, responseLanguage, responseFingerprint, responseKept);
    }
}
