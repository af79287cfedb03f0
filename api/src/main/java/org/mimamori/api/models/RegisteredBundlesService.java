package org.mimamori.api.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mimamori.model.bundle.BundleLimits;
import org.mimamori.model.bundle.ModelBundle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads registered bundles from {@code model_bundle} within the {@link BundleLimits} and keeps the last few read
 * (a version's content never changes; a bundle may be large, so only {@value #KEPT} are kept).
 */
@Service
class RegisteredBundlesService implements RegisteredBundles {

    static final int KEPT = 4;

    private final ModelBundleRepository bundles;
    private final BundleLimits limits;
    private final Map<String, ModelBundle> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ModelBundle> eldest) {
            return size() > KEPT;
        }
    };

    RegisteredBundlesService(ModelBundleRepository bundles, BundleLimits limits) {
        this.bundles = bundles;
        this.limits = limits;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ModelBundle> bundle(String version) {
        synchronized (recent) {
            ModelBundle kept = recent.get(version);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        Optional<ModelBundle> read = bundles.findById(version).map(row -> ModelBundle.read(row.bytes(), limits));
        read.ifPresent(b -> {
            synchronized (recent) {
                recent.put(version, b);
            }
        });
        return read;
    }
}
