package org.mimamori.api.models;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Stores and reads {@code model_bundle} rows. State changes go through {@link ModelTransitions}. */
interface ModelBundleRepository extends Repository<ModelBundleRow, String> {

    /** The version is the content hash, so rows are always inserted as candidates, never updated. */
    @Modifying
    @Query("INSERT INTO model_bundle (version, schema_id, bytes, size_bytes, uploaded_by, uploaded_at, state) "
            + "VALUES (:version, :schemaId, :bytes, :sizeBytes, :uploadedBy, :uploadedAt, 'candidate')")
    void insert(String version, String schemaId, byte[] bytes, long sizeBytes, String uploadedBy,
                Instant uploadedAt);

    @Query("SELECT version, schema_id, bytes, size_bytes, uploaded_by, uploaded_at, state, activated_by, "
            + "activated_at FROM model_bundle WHERE version = :version")
    Optional<ModelBundleRow> findById(String version);

    /** Every bundle, newest first, without the bytes (an empty array stands in for them). */
    @Query("SELECT version, schema_id, CAST('' AS BINARY) AS bytes, size_bytes, uploaded_by, uploaded_at, state, "
            + "activated_by, activated_at FROM model_bundle ORDER BY uploaded_at DESC, version")
    List<ModelBundleRow> listWithoutBytes();

    @Query("SELECT COUNT(*) FROM model_bundle")
    long count();
}
