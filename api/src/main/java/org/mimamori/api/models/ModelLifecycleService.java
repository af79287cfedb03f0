package org.mimamori.api.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.security.Caller;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The models' lifecycle (docs/models.md, "Lifecycle"): candidate → shadow → approved (by a second person, with
 * a reason) → active, the active one before → retired, and rollback to the model retired last. Each change
 * locks the bundles' rows ({@link ModelTransitions#lock()}), so two changes never interleave, also on two
 * instances; each is a row of {@code model_transition} and an audit record, in one transaction. The in-memory
 * models of this instance follow after the commit, those of other instances within the refresh interval.
 */
@Service
class ModelLifecycleService {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLifecycleService.class);

    private static final LocalizedText ACTIVATE = new LocalizedText("有効にする", "activated");

    private final ModelRegistryService registry;
    private final ModelTransitions transitions;
    private final AuditTrail audit;
    private final ObjectProvider<ShadowReports> shadowReports;

    ModelLifecycleService(ModelRegistryService registry, ModelTransitions transitions, AuditTrail audit,
                          ObjectProvider<ShadowReports> shadowReports) {
        this.registry = registry;
        this.transitions = transitions;
        this.audit = audit;
        this.shadowReports = shadowReports;
    }

    /** Puts a candidate or retired model into shadow; the one in shadow before goes back to candidate. */
    @Transactional
    RegisteredModel shadow(String version, Caller caller) {
        ModelBundleRow row = registry.row(version);
        Map<String, ModelState> states = transitions.lock();
        ModelState from = states.get(version);
        if (from == ModelState.SHADOW) {
            return row.info();
        }
        if (from != ModelState.CANDIDATE && from != ModelState.RETIRED) {
            throw new ConflictException("モデル " + version + " は " + from.code() + " です。シャドーにできるのは"
                    + "候補（candidate）か廃止済み（retired）のモデルだけです。",
                    "Model " + version + " is " + from.code() + ": only a candidate or a "
                    + "retired model can be put into shadow.");
        }
        registry.check(row, new LocalizedText("シャドーにする", "put into shadow"));
        Instant now = registry.now();
        for (Map.Entry<String, ModelState> e : states.entrySet()) {
            if (e.getValue() == ModelState.SHADOW) {
                change(e.getKey(), ModelState.SHADOW, ModelState.CANDIDATE, caller, now, new LocalizedText(
                        "モデル " + version + " にシャドーを譲りました", "replaced in shadow by " + version));
            }
        }
        change(version, from, ModelState.SHADOW, caller, now, null);
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "model.shadow", "model/" + version, null));
        registry.refreshAfterCommit();
        return registry.row(version).info();
    }

    /** Takes the model in shadow out of it: it is a candidate again. */
    @Transactional
    RegisteredModel endShadow(String version, Caller caller) {
        ModelBundleRow row = registry.row(version);
        ModelState from = transitions.lock().get(version);
        if (from != ModelState.SHADOW) {
            throw new ConflictException("モデル " + version + " は " + from.code() + " で、シャドーではありません。",
                    "Model " + version + " is " + from.code() + ", not in shadow.");
        }
        Instant now = registry.now();
        change(version, ModelState.SHADOW, ModelState.CANDIDATE, caller, now,
                new LocalizedText("シャドーから外されました", "taken out of shadow"));
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "model.shadow_end", "model/" + version, null));
        registry.refreshAfterCommit();
        return registry.row(version).info();
    }

    /**
     * Approves a model in shadow, as a second person.
     *
     * @throws UploaderCannotApproveException when the caller uploaded the model
     * @throws InvalidRequestException        naming {@code reason} when it is blank, or
     *                                        {@code acknowledgeSchemaChange} for each differing item
     * @throws ConflictException              when the model is not in shadow
     */
    @Transactional
    ModelTransition approve(String version, String reason, boolean acknowledgeSchemaChange, Caller caller) {
        ModelBundleRow row = registry.row(version);
        if (row.uploadedBy().equals(caller.name())) {
            throw new UploaderCannotApproveException(version, caller.name());
        }
        String why = required(reason, new LocalizedText("モデルを承認する理由", "why the model is approved"));
        ModelState from = transitions.lock().get(version);
        if (from != ModelState.SHADOW) {
            throw new ConflictException("モデル " + version + " は " + from.code() + " です。承認できるのは"
                    + "シャドーのモデルだけです（先にシャドーにしてください：POST /api/v1/models/" + version + "/shadow）。",
                    "Model " + version + " is " + from.code() + ": only a model in shadow can "
                    + "be approved (put it into shadow first: POST /api/v1/models/" + version + "/shadow).");
        }
        ActiveModel model = registry.check(row, new LocalizedText("承認する", "approved"));
        List<LocalizedText> changes = changesFromActive(model);
        if (!changes.isEmpty() && !acknowledgeSchemaChange) {
            throw new InvalidRequestException(changes.stream().map(c -> new FieldProblem("acknowledgeSchemaChange",
                    "スキーマが有効なモデルと異なるモデルを承認するには true でなければなりません：" + c.ja(),
                    "must be true to approve a model whose schema differs from the active model's: " + c.en()))
                    .toList());
        }
        ShadowReports.Summary shadow = Optional.ofNullable(shadowReports.getIfAvailable())
                .flatMap(r -> r.summary(version)).orElse(null);
        Instant now = registry.now();
        ModelTransition t = new ModelTransition(version, from, ModelState.APPROVED, caller.name(), caller.role(),
                now, LocalizedText.of(why), !changes.isEmpty(), changes, shadow);
        transitions.set(version, ModelState.APPROVED, caller.name(), now);
        transitions.record(t);
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "model.approve", "model/" + version, null));
        LOG.info("Model {} approved by {} ({}){}", version, caller.name(), caller.role(),
                changes.isEmpty() ? "" : "; schema change acknowledged: " + changes.stream().map(LocalizedText::en)
                        .toList());
        registry.refreshAfterCommit();
        return t;
    }

    /** Makes an approved model active; the active one before becomes retired. */
    @Transactional
    RegisteredModel activate(String version, Caller caller) {
        ModelBundleRow row = registry.row(version);
        ActiveModel model = registry.check(row, ACTIVATE);
        ModelState from = transitions.lock().get(version);
        if (from == ModelState.ACTIVE) {
            return row.info();
        }
        if (from != ModelState.APPROVED) {
            throw new ConflictException("モデル " + version + " は " + from.code() + " です。有効にできるのは承認済みの"
                    + "モデルだけです（承認はアップロードした人以外のスーパーバイザーか管理者が行います：POST "
                    + "/api/v1/models/" + version + "/approval）。",
                    "Model " + version + " is " + from.code() + ": only an approved model can "
                    + "be activated (approval needs a supervisor or admin other than the uploader: POST "
                    + "/api/v1/models/" + version + "/approval).");
        }
        List<LocalizedText> changes = changesFromActive(model);
        boolean acknowledged = transitions.latestApproval(version).map(ModelTransition::schemaAcknowledged)
                .orElse(false);
        if (!changes.isEmpty() && !acknowledged) {
            throw new ConflictException("モデル " + version + " はスキーマ変更の確認なしに承認されましたが、スキーマが"
                    + "有効なモデルと異なります：" + String.join("。", changes.stream().map(LocalizedText::ja).toList())
                    + "。acknowledgeSchemaChange: true を付けて承認し直してください。",
                    "Model " + version + " was approved without a schema change acknowledgement, but its schema "
                    + "differs from the active model's: " + String.join("; ", changes.stream().map(LocalizedText::en)
                    .toList()) + ". Approve it again with acknowledgeSchemaChange: true.");
        }
        Instant now = registry.now();
        makeActive(version, from, caller, now, null);
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "model.activate", "model/" + version, null));
        registry.refreshAfterCommit();
        return registry.row(version).info();
    }

    /** Makes the model retired last active again; the active one becomes retired. */
    @Transactional
    RegisteredModel rollback(String reason, Caller caller) {
        String why = required(reason, new LocalizedText("有効なモデルをロールバックする理由",
                "why the active model is rolled back"));
        transitions.lock();
        String version = transitions.mostRecentlyRetired().orElseThrow(() -> new ConflictException(
                "廃止済みのモデルがないため、ロールバック先がありません。",
                "No model is retired, so there is nothing to roll back to."));
        ModelBundleRow row = registry.row(version);
        try {
            registry.check(row, new LocalizedText("ロールバック先にする", "rolled back to"));
        } catch (InvalidRequestException e) {
            LocalizedText first = e.problems().get(0).message();
            throw new ConflictException("最後に廃止されたモデル " + version + " は検査に通らないため、ロールバック先に"
                    + "できません：" + first.ja(), "The model retired last, " + version + ", fails its checks and "
                    + "cannot be rolled back to: " + first.en());
        }
        Instant now = registry.now();
        makeActive(version, ModelState.RETIRED, caller, now, LocalizedText.of(why));
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "model.rollback", "model/" + version, null));
        LOG.warn("Rolled back to model {} by {} ({}): {}", version, caller.name(), caller.role(), why);
        registry.refreshAfterCommit();
        return registry.row(version).info();
    }

    /** A model's transitions, oldest first. */
    @Transactional
    List<ModelTransition> history(String version, Caller caller) {
        registry.row(version);
        audit.record(AuditEntry.ok(registry.now(), caller.name(), caller.role(), "model.history",
                "model/" + version, null));
        return transitions.history(version);
    }

    /**
     * At start-up with no active model: makes the bundle registered then (the demo model or the imported one)
     * active without approval, so that a fresh installation scores; recorded as the system's transition.
     */
    @Transactional
    void activateAtStartUp(String version, Caller system) {
        ModelBundleRow row = registry.row(version);
        registry.check(row, ACTIVATE);
        Map<String, ModelState> states = transitions.lock();
        if (states.containsValue(ModelState.ACTIVE)) {
            return;
        }
        Instant now = registry.now();
        makeActive(version, states.get(version), system, now, new LocalizedText("起動時：有効なモデルがなかったため、"
                + "起動時に登録されたバンドルを承認なしに有効にしました", "start-up: no model was active; the bundle "
                + "registered at start-up is activated without approval"));
        audit.record(AuditEntry.ok(now, system.name(), system.role(), "model.activate", "model/" + version,
                null));
        registry.refreshAfterCommit();
    }

    private void makeActive(String version, ModelState from, Caller caller, Instant now, LocalizedText reason) {
        for (Map.Entry<String, ModelState> e : transitions.lock().entrySet()) {
            if (e.getValue() == ModelState.ACTIVE) {
                change(e.getKey(), ModelState.ACTIVE, ModelState.RETIRED, caller, now,
                        new LocalizedText("モデル " + version + " に置き換えられました", "replaced by " + version));
            }
        }
        change(version, from, ModelState.ACTIVE, caller, now, reason);
        LOG.info("Model {} is now active (activated by {})", version, caller.name());
    }

    private void change(String version, ModelState from, ModelState to, Caller caller, Instant now,
                        LocalizedText reason) {
        transitions.set(version, to, caller.name(), now);
        transitions.record(ModelTransition.of(version, from, to, caller.name(), caller.role(), now, reason));
    }

    /** How the model's schema differs from the active model's in memory (none when no model is active). */
    private List<LocalizedText> changesFromActive(ActiveModel model) {
        FeatureSchema candidate = model.scorer().schema();
        try {
            return SchemaCompatibility.described(registry.current().scorer().schema(), candidate);
        } catch (org.mimamori.api.problems.UnavailableException e) {
            return List.of();
        }
    }

    private static String required(String reason, LocalizedText what) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldProblem("reason",
                    "必須です：" + what.ja() + "を記入してください（変更とともに記録されます）",
                    "is required: say " + what.en() + " (it is recorded with the change)")));
        }
        return reason.strip();
    }
}
