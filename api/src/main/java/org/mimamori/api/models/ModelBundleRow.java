package org.mimamori.api.models;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code model_bundle}. */
@Table("model_bundle")
record ModelBundleRow(@Id String version, String schemaId, byte[] bytes, long sizeBytes, String uploadedBy,
                      Instant uploadedAt, boolean active, String activatedBy, Instant activatedAt) {

    RegisteredModel info() {
        return new RegisteredModel(version, schemaId, sizeBytes, uploadedBy, uploadedAt, active, activatedBy,
                activatedAt);
    }
}
