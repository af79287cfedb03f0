package org.mimamori.api.models;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mimamori.api.problems.NotFoundException;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.metrics.ScoreBand;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the bands of a registered bundle once and keeps them (a version's content never changes). */
@Service
class ModelBandsService implements ModelBands {

    private final ModelBundleRepository bundles;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    ModelBandsService(ModelBundleRepository bundles) {
        this.bundles = bundles;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> bandIds(String modelVersion) {
        List<String> ids = cache.get(modelVersion);
        if (ids == null) {
            ModelBundleRow row = bundles.findById(modelVersion).orElseThrow(
                    () -> new NotFoundException("No model with version " + modelVersion + " is registered."));
            ids = ModelBundle.read(row.bytes()).bands().bands().stream().map(ScoreBand::id).toList();
            cache.put(modelVersion, ids);
        }
        return ids;
    }
}
