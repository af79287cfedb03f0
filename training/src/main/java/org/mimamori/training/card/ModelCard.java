package org.mimamori.training.card;

import java.util.Map;

import org.mimamori.training.pipeline.TrainedModel;

/** The model card of a trained model: Markdown, HTML and PNG plots, stored in its bundle. */
public final class ModelCard {

    private ModelCard() {
    }

    /** The card's files by bundle entry name. Work in progress: the card is being written. */
    public static Map<String, byte[]> files(TrainedModel model) {
        return Map.of();
    }
}
