package org.mimamori.api.models;

import java.util.Optional;

/** Gives the active model to scoring, and the shadow model (if any) to shadow scoring. */
public interface ActiveModels {

    /**
     * The active model, from memory.
     *
     * @return the active model
     * @throws org.mimamori.api.problems.UnavailableException when no model is active yet
     */
    ActiveModel current();

    /**
     * The model in shadow (scoring silently beside the active one, never shown), from memory.
     *
     * @return the shadow model, or empty when there is none
     */
    default Optional<ActiveModel> shadow() {
        return Optional.empty();
    }
}
