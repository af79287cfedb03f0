/**
 * The model registry and the models' lifecycle: model bundles (zip files made by the training tool) stored in the
 * database with their version (content hash), schema, who registered them and their state (candidate, shadow,
 * approved, active, retired; docs/models.md, "Lifecycle"), with every change of state in
 * {@code model_transition}. At most one bundle is active and one in shadow; their scorers are kept in memory on
 * every instance and refreshed from the database at a short interval. On a fresh start with an empty registry
 * the demo model is trained, registered and activated.
 */
package org.mimamori.api.models;
