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
import org.mimamori.model.bundle.BundleLimits;
import org.mimamori.model.bundle.BundleProblem;
import org.mimamori.model.bundle.InvalidBundleException;
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
 *
 * <p>Every bundle is read within the {@link BundleLimits} and fully checked ({@link ModelBundle#read}) when it
 * is uploaded, when it is activated and when the active one is loaded at start-up, so a bundle stored by an
 * earlier version is checked again before it scores. A refused bundle is never stored, and a refused
 * activation leaves the active model as it was.
 */
@Service
class ModelRegistryService implements ActiveModels {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistryService.class);

    private final ModelBundleRepository bundles;
    private final AuditTrail audit;
    private final BundleLimits limits;
    private final Clock clock;
    private final AtomicReference<ActiveModel> active = new AtomicReference<>();

    ModelRegistryService(ModelBundleRepository bundles, AuditTrail audit, BundleLimits limits) {
        this.bundles = bundles;
        this.audit = audit;
        this.limits = limits;
        this.clock = Clock.systemUTC();
    }

    /**
     * Reads an uploaded bundle file, at most the file limit of it.
     *
     * @throws InvalidRequestException when the file is larger than the limit
     */
    byte[] readUpload(java.io.InputStream in) {
        try {
            return limits.readFile(in);
        } catch (InvalidBundleException e) {
            throw refused(e, "file", "");
        }
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
        ModelBundle bundle;
        try {
            bundle = ModelBundle.read(row.bytes(), limits);
        } catch (InvalidBundleException e) {
            LOG.warn("Model {} was not activated: it fails its checks: {}", version, e.getMessage());
            throw refused(e, "version", "model " + version + " cannot be activated: ");
        }
        ActiveModel model = new ActiveModel(row.version(), bundle.scorer());
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

    @Transactional
    List<RegisteredModel> list(Caller caller) {
        audit.record(AuditEntry.ok(now(), caller.name(), caller.role(), "model.list", "models", null));
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
        if (row.isEmpty()) {
            return false;
        }
        ModelBundleRow r = row.get();
        try {
            ModelBundle bundle = ModelBundle.read(r.bytes(), limits);
            bundle.warnings().forEach(w -> LOG.warn("Active model {}: {}", r.version(), w));
            active.set(new ActiveModel(r.version(), bundle.scorer()));
        } catch (InvalidBundleException e) {
            LOG.error("The active model {} fails its checks and is not loaded; activate a sound model: {}",
                    r.version(), e.getMessage());
            return false;
        }
        LOG.info("Active model {} (schema {}) loaded", r.version(), r.schemaId());
        return true;
    }

    /** Reads and checks a bundle; every problem found becomes a problem of the request's field {@code file}. */
    private ModelBundle open(byte[] bytes) {
        try {
            ModelBundle bundle = ModelBundle.read(bytes, limits);
            bundle.scorer();
            bundle.warnings().forEach(w -> LOG.warn("Model bundle {}: {}", bundle.version(), w));
            return bundle;
        } catch (InvalidBundleException e) {
            LOG.info("A model bundle was refused: {}", e.getMessage());
            throw refused(e, "file", "");
        } catch (RuntimeException e) {
            LOG.error("A model bundle could not be checked", e);
            throw new InvalidRequestException(List.of(new FieldProblem("file",
                    "could not be checked as a model bundle (the error was logged); nothing was stored")));
        }
    }

    private static InvalidRequestException refused(InvalidBundleException e, String field, String prefix) {
        return new InvalidRequestException(e.problems().stream()
                .map((BundleProblem p) -> new FieldProblem(field, prefix + p)).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
