package org.mimamori.model.bundle;

import java.util.Map;

/**
 * What a bundle is: its format, schema, model family, training settings and the lineage of its data. Holds
 * no case records.
 *
 * @param format      the bundle format version
 * @param schema      the schema id
 * @param modelFamily the production model family, in words
 * @param createdBy   the tool and version that wrote it
 * @param settings    training settings (regularisation chosen, folds, bootstrap size, ...)
 * @param lineage     data lineage: input file hashes and row counts after each step
 */
public record BundleManifest(int format, String schema, String modelFamily, String createdBy,
                             Map<String, Object> settings, Map<String, Object> lineage) {

    /** The format this code writes and reads. */
    public static final int FORMAT = 1;
}
