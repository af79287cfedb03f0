package org.mimamori.api.models;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Stores and reads {@code model_bundle} rows. */
interface ModelBundleRepository extends Repository<ModelBundleRow, String> {

    /** The version is the content hash, so rows are always inserted, never updated. */
    @Modifying
    @Query("INSERT INTO model_bundle (version, schema_id, bytes, size_bytes, uploaded_by, uploaded_at, active) "
            + "VALUES (:version, :schemaId, :bytes, :sizeBytes, :uploadedBy, :uploadedAt, FALSE)")
    void insert(String version, String schemaId, byte[] bytes, long sizeBytes, String uploadedBy,
                Instant uploadedAt);

    Optional<ModelBundleRow> findById(String version);

    /** Every bundle, newest first, without the bytes (an empty array stands in for them). */
    @Query("SELECT version, schema_id, CAST('' AS BINARY) AS bytes, size_bytes, uploaded_by, uploaded_at, active, "
            + "activated_by, activated_at FROM model_bundle ORDER BY uploaded_at DESC, version")
    List<ModelBundleRow> listWithoutBytes();

    @Query("SELECT * FROM model_bundle WHERE active")
    Optional<ModelBundleRow> findActive();

    @Query("SELECT COUNT(*) FROM model_bundle")
    long count();

    /** Makes one bundle the active one, in one statement. */
    @Modifying
    @Query("UPDATE model_bundle SET active = (version = :version), "
            + "activated_by = CASE WHEN version = :version THEN :by ELSE activated_by END, "
            + "activated_at = CASE WHEN version = :version THEN :at ELSE activated_at END")
    int activate(String version, String by, Instant at);
}
