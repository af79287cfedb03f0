package org.mimamori.api.models;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.mimamori.model.schema.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registers and lists model bundles, and keeps the active and the shadow model's scorers in memory, in step
 * with the database: {@link #refresh()} (called after every state change here, and by {@link ModelRefresh} at
 * a short interval on every instance) reads which versions are active and in shadow and swaps the in-memory
 * model that changed. A swap replaces one reference, so requests in flight finish on the model they started
 * with and no request fails during a switch. State changes are {@link ModelLifecycleService}'s.
 *
 * <p>Every bundle is read within the {@link BundleLimits} and fully checked ({@link ModelBundle#read}) when it
 * is uploaded, when it changes state and before it is swapped in, so a bundle stored by an earlier version is
 * checked again before it scores. A refused bundle is never stored, and a bundle that fails its checks is not
 * swapped in: the model in memory stays (the failure is logged once).
 */
@Service
class ModelRegistryService implements ActiveModels {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistryService.class);

    private static final LocalizedText NO_PREFIX = new LocalizedText("", "");

    private final ModelBundleRepository bundles;
    private final ModelTransitions transitions;
    private final AuditTrail audit;
    private final BundleLimits limits;
    private final Clock clock;
    private final AtomicReference<ActiveModel> active = new AtomicReference<>();
    private final AtomicReference<ActiveModel> shadow = new AtomicReference<>();
    /** Per state, the version that failed its checks when it was last loaded (logged once, not retried). */
    private final Map<ModelState, String> refused = new EnumMap<>(ModelState.class);

    ModelRegistryService(ModelBundleRepository bundles, ModelTransitions transitions, AuditTrail audit,
                         BundleLimits limits, Clock clock) {
        this.bundles = bundles;
        this.transitions = transitions;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
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
            throw refused(e, "file", NO_PREFIX);
        }
    }

    @Override
    public ActiveModel current() {
        ActiveModel m = active.get();
        if (m == null) {
            throw new UnavailableException("有効なモデルがまだありません。分析担当者がモデルを登録し、有効にしてください。",
                    "No model is active yet; an analyst must register and activate one.");
        }
        return m;
    }

    @Override
    public Optional<ActiveModel> shadow() {
        return Optional.ofNullable(shadow.get());
    }

    /** Result of a registration: the model, and whether it was new. */
    record Registration(RegisteredModel model, boolean created) {
    }

    /**
     * Checks and registers a bundle as a candidate; registering one that exists changes nothing.
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
        transitions.record(ModelTransition.of(bundle.version(), null, ModelState.CANDIDATE, caller.name(),
                caller.role(), now, null));
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "model.upload", "model/" + bundle.version(),
                null));
        LOG.info("Model {} (schema {}) registered by {}", bundle.version(), bundle.schema().id(), caller.name());
        return new Registration(bundles.findById(bundle.version()).orElseThrow().info(), true);
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

    /** A stored bundle, with its bytes. */
    ModelBundleRow row(String version) {
        return bundles.findById(version)
                .orElseThrow(() -> new NotFoundException("バージョン " + version + " のモデルは登録されていません。",
                        "No model with version " + version + " is registered."));
    }

    /**
     * Reads and checks a stored bundle.
     *
     * @param doing what is refused when it fails, e.g. {@code 有効にする} / {@code activated}
     * @throws InvalidRequestException naming {@code version} when it fails its checks
     */
    ActiveModel check(ModelBundleRow row, LocalizedText doing) {
        try {
            return new ActiveModel(row.version(), ModelBundle.read(row.bytes(), limits).scorer());
        } catch (InvalidBundleException e) {
            LOG.warn("Model {} was not {}: it fails its checks: {}", row.version(), doing.en(), e.getMessage());
            throw refused(e, "version", new LocalizedText("モデル " + row.version() + " を" + doing.ja()
                    + "ことはできません：", "model " + row.version() + " cannot be " + doing.en() + ": "));
        }
    }

    /**
     * Reads the versions of the active and the shadow model from the database and swaps the in-memory models
     * that changed, each after loading and checking its bundle.
     *
     * @return true when the database's active model is the one in memory; false when none is active or it
     *         fails its checks (the model in memory, if any, stays)
     */
    @Transactional(readOnly = true)
    synchronized boolean refresh() {
        Map<ModelState, String> stored = transitions.singles();
        boolean activeLoaded = swap(ModelState.ACTIVE, active, stored.get(ModelState.ACTIVE));
        swap(ModelState.SHADOW, shadow, stored.get(ModelState.SHADOW));
        return activeLoaded;
    }

    /** Refreshes the in-memory models once the current transaction commits (at once without one). */
    void refreshAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh();
            }
        });
    }

    private boolean swap(ModelState state, AtomicReference<ActiveModel> memory, String version) {
        ActiveModel now = memory.get();
        if (version == null) {
            if (state == ModelState.SHADOW && now != null) {
                memory.set(null);
                LOG.info("Model {} is no longer in shadow on this instance", now.version());
            }
            return false;
        }
        if (now != null && now.version().equals(version)) {
            return true;
        }
        if (version.equals(refused.get(state))) {
            return false;
        }
        // A shadow model that is no longer in shadow stops scoring even when its successor cannot be loaded; the
        // active model stays until a sound one replaces it.
        if (state == ModelState.SHADOW) {
            memory.set(null);
        }
        Optional<ModelBundleRow> row = bundles.findById(version);
        if (row.isEmpty()) {
            return false;
        }
        try {
            ModelBundle bundle = ModelBundle.read(row.get().bytes(), limits);
            bundle.warnings().forEach(w -> LOG.warn("Model {}: {}", version, w));
            memory.set(new ActiveModel(version, bundle.scorer()));
            refused.remove(state);
        } catch (RuntimeException e) {
            // InvalidBundleException when it fails its checks; anything else a scorer cannot be built from.
            refused.put(state, version);
            LOG.error("The {} model {} fails its checks and is not loaded on this instance{}: {}", state.code(),
                    version, now == null || state == ModelState.SHADOW ? "" : " (model " + now.version() + " stays)",
                    e.getMessage());
            return false;
        }
        LOG.info("Model {} (schema {}) is now {} on this instance{}", version, row.get().schemaId(), state.code(),
                now == null ? "" : " (was " + now.version() + ")");
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
            throw refused(e, "file", NO_PREFIX);
        } catch (RuntimeException e) {
            LOG.error("A model bundle could not be checked", e);
            throw new InvalidRequestException(List.of(new FieldProblem("file",
                    "モデルバンドルとして検査できませんでした（エラーはログに記録しました）。何も保存していません",
                    "could not be checked as a model bundle (the error was logged); nothing was stored")));
        }
    }

    /** The bundle's problems, each with its entry after the prefix, in both languages. */
    private static InvalidRequestException refused(InvalidBundleException e, String field, LocalizedText prefix) {
        return new InvalidRequestException(e.problems().stream().map(BundleProblem::withEntry)
                .map(p -> new FieldProblem(field, prefix.ja() + p.ja(), prefix.en() + p.en())).toList());
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
