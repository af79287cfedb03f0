package org.mimamori.api.scoring;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code score}: inputs, the response as given, the model, who asked, why and when, and the band id,
 * probability (both null when withheld) and number of red flags as plain columns.
 */
@Table("score")
record ScoreRow(@Id String id, String childRef, String purpose, String modelVersion, String schemaId,
                String requestedBy, String requesterRole, Instant createdAt, String requestJson,
                String responseJson, String bandId, Double probability, int redFlagCount) {
}
