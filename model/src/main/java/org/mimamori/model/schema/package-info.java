/**
 * The feature schema: a versioned YAML definition of every data item (type, valid range, for whom it
 * exists, tier, labels in Japanese and English, role, derivation), loaded and validated by
 * {@link org.mimamori.model.schema.SchemaLoader}.
 */
package org.mimamori.model.schema;
