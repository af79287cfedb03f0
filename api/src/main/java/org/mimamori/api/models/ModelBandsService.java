package org.mimamori.api.models;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mimamori.api.problems.NotFoundException;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.metrics.ScoreBands;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the bands of a registered bundle once and keeps them (a version's content never changes). */
@Service
class ModelBandsService implements ModelBands {

    private final ModelBundleRepository bundles;
    private final Map<String, ScoreBands> cache = new ConcurrentHashMap<>();

    ModelBandsService(ModelBundleRepository bundles) {
        this.bundles = bundles;
    }

    @Override
    @Transactional(readOnly = true)
    public ScoreBands bands(String modelVersion) {
        ScoreBands ids = cache.get(modelVersion);
        if (ids == null) {
            ModelBundleRow row = bundles.findById(modelVersion).orElseThrow(
                    () -> new NotFoundException("バージョン " + modelVersion + " のモデルは登録されていません。",
                            "No model with version " + modelVersion + " is registered."));
            ids = ModelBundle.read(row.bytes()).bands();
            cache.put(modelVersion, ids);
        }
        return ids;
    }
}
