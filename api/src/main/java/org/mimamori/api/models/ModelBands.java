package org.mimamori.api.models;

import java.util.List;

/** The score bands of registered models, for judging decisions against a score's band. */
public interface ModelBands {

    /**
     * The band ids of a registered model, lowest band first.
     *
     * @param modelVersion the model's version (content hash)
     * @return the band ids, lowest first
     * @throws org.mimamori.api.problems.NotFoundException when no such model is registered
     */
    List<String> bandIds(String modelVersion);
}
