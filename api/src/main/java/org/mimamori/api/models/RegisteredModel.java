package org.mimamori.api.models;

import java.time.Instant;

/**
 * A registered bundle, without its bytes.
 *
 * @param version     the content-hash version
 * @param schemaId    the schema it scores
 * @param sizeBytes   the bundle's size
 * @param uploadedBy  who registered it
 * @param uploadedAt  when
 * @param state       where it is in its lifecycle
 * @param activatedBy who activated it last, or null
 * @param activatedAt when, or null
 */
public record RegisteredModel(String version, String schemaId, long sizeBytes, String uploadedBy,
                              Instant uploadedAt, ModelState state, String activatedBy, Instant activatedAt) {

    /** True for the bundle that scores. */
    public boolean active() {
        return state == ModelState.ACTIVE;
    }
}
