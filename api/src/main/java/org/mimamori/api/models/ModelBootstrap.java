package org.mimamori.api.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mimamori.api.config.MimamoriProperties;
import org.mimamori.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up: registers the bundle named by {@code mimamori.models.import-bundle} (the command-line way to
 * register a model), registers the demo model when the registry is still empty (unless
 * {@code mimamori.models.demo-when-empty=false}), loads the active and shadow models into memory, and, when no
 * model is active, activates the bundle it registered without approval (recorded as the system's transition),
 * so that a fresh installation scores.
 *
 * <p>The demo bundle is the classpath resource {@value #DEMO_BUNDLE}, trained at build time by the training
 * command line ({@code mimamori-training demo-model}; see api's pom): the service holds no training code. It is
 * read and checked exactly as an upload is (size limit, {@code ModelBundle.read}).
 */
@Component
class ModelBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ModelBootstrap.class);
    private static final Caller SYSTEM = new Caller("system", "admin");
    /** The demo bundle on the classpath (made by the build; seeded synthetic children, never real ones). */
    static final String DEMO_BUNDLE = "demo/demo-model.zip";

    private final ModelRegistryService registry;
    private final MimamoriProperties properties;
    private final ModelLifecycleService lifecycle;

    ModelBootstrap(ModelRegistryService registry, MimamoriProperties properties, ModelLifecycleService lifecycle) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.properties = properties;
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
                registered = importDemo();
            } catch (RuntimeException | IOException e) {
                LOG.error("The demo model could not be registered; the service runs without a model", e);
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

    private String importDemo() throws IOException {
        byte[] bytes;
        try (InputStream in = ModelBootstrap.class.getClassLoader().getResourceAsStream(DEMO_BUNDLE)) {
            if (in == null) {
                LOG.warn("The model registry is empty and this build holds no demo model ({} is missing: the build "
                        + "was run with -Dmimamori.demo-model.skip=true); register a model (docs/models.md)",
                        DEMO_BUNDLE);
                return null;
            }
            bytes = registry.readUpload(in);
        }
        ModelRegistryService.Registration r = registry.register(bytes, SYSTEM);
        LOG.info("The model registry was empty: registered the DEMO model {} shipped with this build (trained on "
                + "seeded synthetic data, not real cases; for trying the service only: replace it with a model "
                + "trained on the municipality's own cases)", r.model().version());
        return r.model().version();
    }
}
