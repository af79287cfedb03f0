package org.mimamori.api.screening;

import java.util.Locale;

import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;

/**
 * The words of a review-list entry in its reader's language. An entry keeps its summary in the language the
 * screening was asked for in ({@link ScreenedChild.Summary}); its labels and red-flag messages are the screening
 * model's schema's, which holds both languages, so they are given from the schema in the reader's language, and
 * as kept only where the schema does not name them (its model no longer registered).
 */
final class EntryTexts {

    private final FeatureSchema schema;
    private final Locale reader;

    /**
     * @param schema the schema of the screening's model, or null when that model is no longer registered
     * @param reader the reader's language
     */
    EntryTexts(FeatureSchema schema, Locale reader) {
        this.schema = schema;
        this.reader = reader;
    }

    Locale reader() {
        return reader;
    }

    /** An item's label. */
    String label(String item, String kept) {
        return schema == null ? kept : schema.item(item).map(i -> i.label(reader)).orElse(kept);
    }

    /** The message of an item's red flag. */
    String redFlag(String item, String kept) {
        if (schema == null) {
            return kept;
        }
        return schema.item(item).map(Item::redFlag).map(r -> r.message().in(reader)).orElse(kept);
    }
}
