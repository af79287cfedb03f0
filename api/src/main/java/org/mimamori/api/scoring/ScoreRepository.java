package org.mimamori.api.scoring;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Stores and reads {@code score} rows. Scores are never updated. */
interface ScoreRepository extends Repository<ScoreRow, String> {

    @Modifying
    @Query("INSERT INTO score (id, child_ref, purpose, model_version, schema_id, requested_by, requester_role, "
            + "created_at, request_json, response_json, band_id, probability, red_flag_count) VALUES (:id, :childRef, "
            + ":purpose, :modelVersion, :schemaId, :requestedBy, :requesterRole, :createdAt, :requestJson, "
            + ":responseJson, :bandId, :probability, :redFlagCount)")
    void insert(String id, String childRef, String purpose, String modelVersion, String schemaId,
                String requestedBy, String requesterRole, Instant createdAt, String requestJson,
                String responseJson, String bandId, Double probability, int redFlagCount);

    Optional<ScoreRow> findById(String id);
}
