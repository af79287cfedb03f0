package org.mimamori.api.models;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code model_bundle}. */
@Table("model_bundle")
record ModelBundleRow(@Id String version, String schemaId, byte[] bytes, long sizeBytes, String uploadedBy,
                      Instant uploadedAt, String state, String activatedBy, Instant activatedAt) {

    ModelState modelState() {
        return ModelState.of(state);
    }

    RegisteredModel info() {
        return new RegisteredModel(version, schemaId, sizeBytes, uploadedBy, uploadedAt, modelState(), activatedBy,
                activatedAt);
    }
}
