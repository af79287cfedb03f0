package org.mimamori.api.models;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.mimamori.api.problems.UnavailableException;
import org.mimamori.model.bundle.BundleLimits;
import org.mimamori.model.bundle.InvalidBundleException;
import org.mimamori.model.bundle.ModelBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a registered bundle, checks it as activation does ({@link ModelBundle#read}) and keeps its scorer (a
 * version's content never changes). The active model comes from memory.
 */
@Service
class RegisteredScorersService implements RegisteredScorers {

    private static final Logger LOG = LoggerFactory.getLogger(RegisteredScorersService.class);

    private final ModelBundleRepository bundles;
    private final ActiveModels active;
    private final BundleLimits limits;
    private final Map<String, ActiveModel> cache = new ConcurrentHashMap<>();

    RegisteredScorersService(ModelBundleRepository bundles, ActiveModels active, BundleLimits limits) {
        this.bundles = bundles;
        this.active = active;
        this.limits = limits;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ActiveModel> registered(String version) {
        try {
            ActiveModel current = active.current();
            if (current.version().equals(version)) {
                return Optional.of(current);
            }
        } catch (UnavailableException e) {
            // no active model: read the bundle from the registry
        }
        ActiveModel cached = cache.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ModelBundleRow> row = bundles.findById(version);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            ActiveModel model = new ActiveModel(version, ModelBundle.read(row.get().bytes(), limits).scorer());
            cache.put(version, model);
            return Optional.of(model);
        } catch (InvalidBundleException e) {
            LOG.warn("Model {} fails its checks and does not score: {}", version, e.getMessage());
            return Optional.empty();
        }
    }
}
