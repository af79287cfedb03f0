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
 * @param active      true for the bundle that scores
 * @param activatedBy who activated it last, or null
 * @param activatedAt when, or null
 */
public record RegisteredModel(String version, String schemaId, long sizeBytes, String uploadedBy,
                              Instant uploadedAt, boolean active, String activatedBy, Instant activatedAt) {
}
