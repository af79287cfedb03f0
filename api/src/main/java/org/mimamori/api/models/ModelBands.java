package org.mimamori.api.models;

import org.mimamori.model.metrics.ScoreBands;

/** The score bands of registered models, for judging decisions against a score's band. */
public interface ModelBands {

    /**
     * The bands of a registered model, lowest band first, with what each asks of staff.
     *
     * @param modelVersion the model's version (content hash)
     * @return the bands
     * @throws org.mimamori.api.problems.NotFoundException when no such model is registered
     */
    ScoreBands bands(String modelVersion);
}
