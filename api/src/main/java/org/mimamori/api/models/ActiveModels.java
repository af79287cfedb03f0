package org.mimamori.api.models;

/** Gives the active model to scoring. */
public interface ActiveModels {

    /**
     * The active model, from memory.
     *
     * @return the active model
     * @throws org.mimamori.api.problems.UnavailableException when no model is active yet
     */
    ActiveModel current();
}
