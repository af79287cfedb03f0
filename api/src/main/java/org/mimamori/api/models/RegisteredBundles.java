package org.mimamori.api.models;

import java.util.Optional;

import org.mimamori.model.bundle.ModelBundle;

/**
 * Read-only access to the registered bundles, whatever their state (active, shadow, candidate, retired), e.g. to
 * serve their model cards or to read their bands and schema for monitoring.
 */
public interface RegisteredBundles {

    /**
     * A registered bundle, read and checked.
     *
     * @param version the bundle's version (content hash)
     * @return the bundle, or empty when no bundle of that version is registered
     */
    Optional<ModelBundle> bundle(String version);
}
