package org.mimamori.api.models;

import java.util.Optional;

/** Gives the scorer of any registered model, e.g. to score a correction by the model of the original score. */
public interface RegisteredScorers {

    /**
     * The scorer of a registered model that passes its checks.
     *
     * @param version the model's version (content hash)
     * @return the model, or empty when no such model is registered or it fails its checks
     */
    Optional<ActiveModel> registered(String version);
}
