package org.mimamori.api.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mimamori.api.problems.ConflictException;
import org.mimamori.model.bundle.BundleLimits;
import org.mimamori.model.bundle.BundleProblem;
import org.mimamori.model.bundle.InvalidBundleException;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.schema.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads registered bundles from {@code model_bundle} within the {@link BundleLimits} and keeps the last few read
 * (a version's content never changes; a bundle may be large, so only {@value #KEPT} are kept). A stored bundle
 * that fails its checks is a {@link ConflictException} naming its problems (409), never an error of the service.
 */
@Service
class RegisteredBundlesService implements RegisteredBundles {

    static final int KEPT = 4;

    private static final Logger LOG = LoggerFactory.getLogger(RegisteredBundlesService.class);

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
        Optional<ModelBundle> read = bundles.findById(version).map(row -> checked(version, row.bytes()));
        read.ifPresent(b -> {
            synchronized (recent) {
                recent.put(version, b);
            }
        });
        return read;
    }

    /** The bundle, or a conflict naming its problems when it fails its checks (e.g. stored by an earlier version). */
    private ModelBundle checked(String version, byte[] bytes) {
        try {
            return ModelBundle.read(bytes, limits);
        } catch (InvalidBundleException e) {
            LOG.warn("Model {} is registered but fails its checks: {}", version, e.getMessage());
            List<LocalizedText> problems = e.problems().stream().map(BundleProblem::withEntry).toList();
            throw new ConflictException("モデル " + version + " は登録されていますが検査に通らないため、読み込めません："
                    + problems.stream().map(LocalizedText::ja).collect(Collectors.joining("。")) + "。",
                    "Model " + version + " is registered but fails its checks, so it cannot be read: "
                    + problems.stream().map(LocalizedText::en).collect(Collectors.joining("; ")));
        }
    }
}
