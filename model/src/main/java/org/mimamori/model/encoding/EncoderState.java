package org.mimamori.model.encoding;

import java.util.List;

/**
 * What a {@link CaseEncoder} learned from training data, saved in model bundles as JSON.
 *
 * @param schemaId the schema it was fitted for
 * @param style    the encoding style
 * @param items    one entry per input item
 */
public record EncoderState(String schemaId, EncodingStyle style, List<ItemState> items) {

    /** Copies the list. */
    public EncoderState {
        items = List.copyOf(items);
    }

    /**
     * What was learned for one input item.
     *
     * @param item the item id
     * @param cuts the scorecard bin cuts (empty for non-numeric items and the raw style)
     * @param mean the training mean (raw style, numeric items), or null
     * @param sd   the training standard deviation (raw style, numeric items), or null
     */
    public record ItemState(String item, double[] cuts, Double mean, Double sd) {
    }
}
