package org.mimamori.api.scoring;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code score}: inputs, the response as given, the model, who asked, why and when. */
@Table("score")
record ScoreRow(@Id String id, String childRef, String purpose, String modelVersion, String schemaId,
                String requestedBy, String requesterRole, Instant createdAt, String requestJson,
                String responseJson) {
}
