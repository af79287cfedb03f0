package org.mimamori.api.models;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.problems.UnavailableException;
import org.mimamori.api.security.Caller;
import org.mimamori.model.bundle.ModelBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registers, lists and activates model bundles, and keeps the active bundle's scorer in memory. Activation in
 * another instance of the service is seen after this one restarts.
 */
@Service
class ModelRegistryService implements ActiveModels {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistryService.class);

    private final ModelBundleRepository bundles;
    private final AuditTrail audit;
    private final Clock clock;
    private final AtomicReference<ActiveModel> active = new AtomicReference<>();

    ModelRegistryService(ModelBundleRepository bundles, AuditTrail audit) {
        this.bundles = bundles;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ActiveModel current() {
        ActiveModel m = active.get();
        if (m == null) {
            throw new UnavailableException("No model is active yet; an analyst must register and activate one.");
        }
        return m;
    }

    /** Result of a registration: the model, and whether it was new. */
    record Registration(RegisteredModel model, boolean created) {
    }

    /**
     * Checks and registers a bundle; registering one that exists changes nothing.
     *
     * @throws InvalidRequestException when the bytes are not a bundle that scores
     */
    @Transactional
    Registration register(byte[] bytes, Caller caller) {
        ModelBundle bundle = open(bytes);
        Optional<ModelBundleRow> existing = bundles.findById(bundle.version());
        if (existing.isPresent()) {
            return new Registration(existing.get().info(), false);
        }
        Instant now = now();
        bundles.insert(bundle.version(), bundle.schema().id(), bytes, bytes.length, caller.name(), now);
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "model.upload", "model/" + bundle.version(),
                null));
        LOG.info("Model {} (schema {}) registered by {}", bundle.version(), bundle.schema().id(), caller.name());
        return new Registration(bundles.findById(bundle.version()).orElseThrow().info(), true);
    }

    /** Makes a registered bundle the one that scores, here and now (after the transaction commits). */
    @Transactional
    RegisteredModel activate(String version, Caller caller) {
        ModelBundleRow row = bundles.findById(version)
                .orElseThrow(() -> new NotFoundException("No model with version " + version + " is registered."));
        ActiveModel model = new ActiveModel(row.version(), ModelBundle.read(row.bytes()).scorer());
        Instant now = now();
        bundles.activate(version, caller.name(), now);
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "model.activate", "model/" + version, null));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                active.set(model);
                LOG.info("Model {} is now active (activated by {})", version, caller.name());
            }
        });
        return bundles.findById(version).orElseThrow().info();
    }

    @Transactional(readOnly = true)
    List<RegisteredModel> list() {
        return bundles.listWithoutBytes().stream().map(ModelBundleRow::info).toList();
    }

    @Transactional(readOnly = true)
    long count() {
        return bundles.count();
    }

    /** Loads the active bundle from the database into memory; returns false when none is active. */
    @Transactional(readOnly = true)
    boolean loadActive() {
        Optional<ModelBundleRow> row = bundles.findActive();
        row.ifPresent(r -> active.set(new ActiveModel(r.version(), ModelBundle.read(r.bytes()).scorer())));
        row.ifPresent(r -> LOG.info("Active model {} (schema {}) loaded", r.version(), r.schemaId()));
        return row.isPresent();
    }

    private static ModelBundle open(byte[] bytes) {
        try {
            ModelBundle bundle = ModelBundle.read(bytes);
            bundle.scorer();
            return bundle;
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("(body)",
                    "is not a model bundle that can score: " + e.getMessage())));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
