package org.mimamori.api.models;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mimamori.api.config.MimamoriProperties;
import org.mimamori.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * At start-up: registers the bundle named by {@code mimamori.models.import-bundle} (the command-line way to
 * register a model), trains and registers the demo model when the registry is still empty (unless
 * {@code mimamori.models.demo-when-empty=false}), loads the active and shadow models into memory, and, when no
 * model is active, activates the bundle it registered without approval (recorded as the system's transition),
 * so that a fresh installation scores.
 */
@Component
class ModelBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ModelBootstrap.class);
    private static final Caller SYSTEM = new Caller("system", "admin");

    private final ModelRegistryService registry;
    private final MimamoriProperties properties;
    private final DemoModelSource demo;
    private final ModelLifecycleService lifecycle;

    ModelBootstrap(ModelRegistryService registry, MimamoriProperties properties, DemoModelSource demo,
                   ModelLifecycleService lifecycle) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String registered = null;
        Path file = properties.models().importBundle();
        if (file != null) {
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = registry.readUpload(in);
            }
            ModelRegistryService.Registration r = registry.register(bytes, SYSTEM);
            registered = r.model().version();
            LOG.info("Model bundle {} {} from {}", registered, r.created() ? "registered" : "already registered",
                    file);
        } else if (registry.count() == 0 && properties.models().demoWhenEmpty()) {
            try {
                registered = trainDemo();
            } catch (Exception | LinkageError e) {
                LOG.error("The demo model could not be trained; the service runs without a model", e);
            }
        }
        if (!registry.refresh()) {
            if (registered != null) {
                lifecycle.activateAtStartUp(registered, SYSTEM);
            } else {
                LOG.warn("No model is active: scoring answers 503 until a model is uploaded, put into shadow, "
                        + "approved and activated (docs/models.md, \"Lifecycle\").");
            }
        }
    }

    private String trainDemo() throws Exception {
        LOG.info("The model registry is empty: training the DEMO model on seeded synthetic data "
                + "(not real cases; for trying the service only) ...");
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("mimamori-demo-model");
        try {
            Path bundle = demo.build(work);
            ModelRegistryService.Registration r = registry.register(Files.readAllBytes(bundle), SYSTEM);
            LOG.info("Trained and registered the DEMO model {} in {} s (synthetic data; replace it with a model "
                    + "trained on the municipality's own cases)", r.model().version(),
                    (System.nanoTime() - started) / 1_000_000_000);
            return r.model().version();
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }
}
