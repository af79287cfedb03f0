package org.mimamori.api.models;

import java.util.Locale;

/**
 * A model's place in its lifecycle (docs/models.md, "Lifecycle"), stored in {@code model_bundle.state} by its
 * lower-case name.
 */
public enum ModelState {
    /** Uploaded and checked; not scoring. */
    CANDIDATE,
    /** Scoring silently beside the active model, never shown; at most one. */
    SHADOW,
    /** Approved by a second person (supervisor or admin, not the uploader) with a reason. */
    APPROVED,
    /** The model that scores; at most one. */
    ACTIVE,
    /** Active before and replaced; kept for rollback. */
    RETIRED;

    /** The name stored in the database and used in the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state stored as {@code code}. */
    public static ModelState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
