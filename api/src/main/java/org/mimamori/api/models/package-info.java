/**
 * The model registry: model bundles (zip files made by the training tool) stored in the database with their
 * version (content hash), schema, who registered and activated them and when. Exactly one bundle is active; its
 * scorer is kept in memory. On a fresh start with an empty registry the demo model is trained and registered.
 */
package org.mimamori.api.models;
