package org.mimamori.api.models;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.mimamori.api.config.MimamoriProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's in-memory models in step with the database, so that every instance serves a newly
 * active (or shadow) model within {@code mimamori.models.refresh-interval} (2 s) of the change: once the
 * service is ready (after {@link ModelBootstrap}), reads the active and shadow versions at that interval on a
 * thread of its own ({@link ModelRegistryService#refresh()}). While the database cannot be read the models in
 * memory stay; the first failure and the recovery are logged.
 */
@Component
class ModelRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRefresh.class);

    private final ModelRegistryService registry;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "model-refresh");
        t.setDaemon(true);
        return t;
    });
    private boolean failing;

    ModelRefresh(ModelRegistryService registry, MimamoriProperties properties) {
        this.registry = registry;
        this.interval = properties.models().refreshInterval();
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("mimamori.models.refresh-interval must be positive, not " + interval);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Reading the active and shadow models from the database every {} ms", interval.toMillis());
    }

    private void refresh() {
        try {
            registry.refresh();
            if (failing) {
                failing = false;
                LOG.info("The active and shadow models can be read from the database again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("The active and shadow models could not be read from the database; the models in memory "
                        + "stay until they can: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
