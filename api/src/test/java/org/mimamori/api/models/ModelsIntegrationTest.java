package org.mimamori.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.ModelApprovalRequest;
import org.mimamori.client.model.ModelInfo;
import org.mimamori.client.model.ModelRollbackRequest;
import org.mimamori.client.model.ModelState;
import org.mimamori.client.model.ModelTransition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;

/** The model registry and the models' lifecycle through the generated client. */
class ModelsIntegrationTest extends IntegrationTestBase {

    @Autowired
    private ModelRegistryService registry;

    @Test
    void theImportedBundleIsRegisteredAndActive() {
        List<ModelInfo> models = clients().models("demo-analyst").listModels(AccessPurpose.MODEL_MANAGEMENT);
        assertThat(models).anySatisfy(m -> {
            assertThat(m.getActive()).isTrue();
            assertThat(m.getState()).isEqualTo(ModelState.ACTIVE);
            assertThat(m.getSchemaId()).isEqualTo("child-support-v1");
            assertThat(m.getUploadedBy()).isEqualTo("system");
            assertThat(m.getSizeBytes()).isPositive();
        });
        List<ModelTransition> history = clients().models("demo-auditor")
                .getModelHistory(versionOf(TestBundles.bundle()), AccessPurpose.AUDIT, null);
        assertThat(history).extracting(ModelTransition::getTo).startsWith(ModelState.CANDIDATE, ModelState.ACTIVE);
        assertThat(history.get(1).getBy()).isEqualTo("system");
        assertThat(history.get(1).getReason()).contains("start-up");
    }

    @Test
    void uploadingARegisteredBundleAgainChangesNothing() {
        long before = rows("model_bundle");
        long audits = lastAuditId();
        ResponseEntity<ModelInfo> r = clients().models("demo-analyst")
                .uploadModelWithHttpInfo(TestBundles.bundle().toFile());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody().getVersion()).isEqualTo(versionOf(TestBundles.bundle()));
        assertThat(rows("model_bundle")).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE id > ?", String.class, audits))
                .as("the upload is recorded, nothing is registered").containsExactly("uploadModel");
    }

    /** Upload, shadow, approval by a second person, activation (a switch to another model), rollback. */
    @Test
    void aSecondBundleGoesThroughShadowAndApprovalAndScoresOnceActivatedUntilRolledBack() {
        String first = versionOf(TestBundles.bundle());
        String second = versionOf(TestBundles.other());
        String third = versionOf(TestBundles.third());
        assertThat(second).isNotEqualTo(first);
        assertThat(scoredWith()).isEqualTo(first);
        ResponseEntity<ModelInfo> r = clients().models("demo-admin").uploadModelWithHttpInfo(TestBundles.other().toFile());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody().getState()).isEqualTo(ModelState.CANDIDATE);
        assertThat(r.getBody().getActive()).isFalse();
        assertThat(scoredWith()).as("uploading does not activate").isEqualTo(first);
        assertStatus(() -> clients().models("demo-admin").activateModel(second), HttpStatus.CONFLICT,
                "only an approved model can be activated");
        assertStatus(() -> approve("demo-supervisor", second), HttpStatus.CONFLICT, "only a model in shadow");

        // Shadow: at most one; another in shadow sends the one before back to candidate.
        assertThat(clients().models("demo-analyst").shadowModel(second).getState()).isEqualTo(ModelState.SHADOW);
        assertThat(registry.shadow()).get().extracting(ActiveModel::version).isEqualTo(second);
        clients().models("demo-analyst").uploadModel(TestBundles.third().toFile());
        clients().models("demo-analyst").shadowModel(third);
        assertThat(stateOf(second)).isEqualTo(ModelState.CANDIDATE);
        assertThat(registry.shadow()).get().extracting(ActiveModel::version).isEqualTo(third);
        clients().models("demo-supervisor").shadowModel(second);
        assertThat(stateOf(third)).isEqualTo(ModelState.CANDIDATE);
        assertThat(registry.shadow()).get().extracting(ActiveModel::version).isEqualTo(second);
        assertThat(scoredWith()).as("a shadow model is never shown").isEqualTo(first);

        // Approval: not the uploader; a reason.
        assertStatus(() -> approve("demo-admin", second), HttpStatus.FORBIDDEN, "second person");
        var blank = http().post("/api/v1/models/" + second + "/approval", "demo-supervisor", "{\"reason\":\"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"reason\"");
        var missing = http().post("/api/v1/models/" + second + "/approval", "demo-supervisor", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"reason\"");
        assertThat(stateOf(second)).isEqualTo(ModelState.SHADOW);
        ModelTransition approval = approve("demo-supervisor", second);
        assertThat(approval.getFrom()).isEqualTo(ModelState.SHADOW);
        assertThat(approval.getTo()).isEqualTo(ModelState.APPROVED);
        assertThat(approval.getBy()).isEqualTo("demo-supervisor");
        assertThat(approval.getReason()).isEqualTo("validated on last year's cases");
        assertThat(approval.getAcknowledgedSchemaChange()).isFalse();
        assertThat(approval.getSchemaChanges()).isEmpty();
        assertThat(registry.shadow()).as("approved is no longer shadow").isEmpty();
        assertThat(scoredWith()).isEqualTo(first);

        try {
            ModelInfo activated = clients().models("demo-analyst").activateModel(second);
            assertThat(activated.getState()).isEqualTo(ModelState.ACTIVE);
            assertThat(activated.getActivatedBy()).isEqualTo("demo-analyst");
            assertThat(scoredWith()).as("the switch").isEqualTo(second);
            assertThat(clients().models("demo-analyst").listModels(AccessPurpose.MODEL_MANAGEMENT))
                    .filteredOn(ModelInfo::getActive).extracting(ModelInfo::getVersion).containsExactly(second);
            assertThat(stateOf(first)).isEqualTo(ModelState.RETIRED);
            assertThat(clients().models("demo-admin").getModelHistory(second, AccessPurpose.MODEL_MANAGEMENT, null))
                    .extracting(ModelTransition::getTo).containsSubsequence(ModelState.CANDIDATE, ModelState.SHADOW,
                            ModelState.CANDIDATE, ModelState.SHADOW, ModelState.APPROVED, ModelState.ACTIVE);

            // Rollback: one call, with a reason.
            var noReason = http().post("/api/v1/models/rollback", "demo-supervisor", "{}");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body()).contains("\"field\":\"reason\"");
            ModelInfo back = clients().models("demo-supervisor")
                    .rollbackModel(new ModelRollbackRequest().reason("the new model flags too many"));
            assertThat(back.getVersion()).isEqualTo(first);
            assertThat(back.getState()).isEqualTo(ModelState.ACTIVE);
            assertThat(scoredWith()).isEqualTo(first);
            assertThat(stateOf(second)).isEqualTo(ModelState.RETIRED);
            ModelTransition last = clients().models("demo-auditor").getModelHistory(first, AccessPurpose.AUDIT, null)
                    .stream().reduce((a, b) -> b).orElseThrow();
            assertThat(last.getFrom()).isEqualTo(ModelState.RETIRED);
            assertThat(last.getTo()).isEqualTo(ModelState.ACTIVE);
            assertThat(last.getBy()).isEqualTo("demo-supervisor");
            assertThat(last.getReason()).isEqualTo("the new model flags too many");
            assertThat(clients().models("demo-auditor").getModelHistory(first, AccessPurpose.AUDIT, "ja").stream()
                    .reduce((x, y) -> y).orElseThrow().getReason()).as("a person's reason, as given, in any language")
                    .isEqualTo("the new model flags too many");
            assertThat(clients().models("demo-auditor").getModelHistory(first, AccessPurpose.AUDIT, "ja"))
                    .as("the service's own reason in the reader's language")
                    .filteredOn(t -> t.getTo() == ModelState.RETIRED).first()
                    .satisfies(t -> assertThat(t.getReason()).isEqualTo("モデル " + second + " に置き換えられました"));
            assertThat(clients().models("demo-auditor").getModelHistory(first, AccessPurpose.AUDIT, "en"))
                    .filteredOn(t -> t.getTo() == ModelState.RETIRED).first()
                    .satisfies(t -> assertThat(t.getReason()).isEqualTo("replaced by " + second));
            assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE action IN ('model.shadow', "
                    + "'model.approve', 'model.activate', 'model.rollback') ORDER BY id DESC LIMIT 3", String.class))
                    .as("every transition is audited").containsExactly("model.rollback", "model.activate",
                            "model.approve");
        } finally {
            restore(first);
        }
    }

    @Test
    void aModelWhoseSchemaDiffersIsApprovedOnlyWithAnAcknowledgementNamingTheItems() {
        String version = clients().models("demo-analyst").uploadModel(TestBundles.otherSchema().toFile()).getVersion();
        try {
            clients().models("demo-analyst").shadowModel(version);
            var refused = http().post("/api/v1/models/" + version + "/approval", "demo-supervisor",
                    "{\"reason\":\"validated\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"acknowledgeSchemaChange\"")
                    .contains("item \\\"Moves in the last 3 years\\\" (moves_last_3_years) is removed");
            assertThat(stateOf(version)).isEqualTo(ModelState.SHADOW);

            ModelTransition approval = clients().models("demo-supervisor").approveModel(version,
                    new ModelApprovalRequest().reason("validated; the moves item is no longer recorded")
                            .acknowledgeSchemaChange(true), "ja");
            assertThat(approval.getAcknowledgedSchemaChange()).isTrue();
            assertThat(approval.getSchemaChanges()).as("in the approver's language").singleElement().asString()
                    .contains("moves_last_3_years").contains("削除");
            assertThat(clients().models("demo-auditor").getModelHistory(version, AccessPurpose.AUDIT, "ja"))
                    .filteredOn(t -> t.getTo() == ModelState.APPROVED).singleElement()
                    .satisfies(t -> assertThat(t.getSchemaChanges()).isEqualTo(approval.getSchemaChanges()));
            assertThat(clients().models("demo-auditor").getModelHistory(version, AccessPurpose.AUDIT, "en"))
                    .as("each reader gets the stored change in their own language")
                    .filteredOn(t -> t.getTo() == ModelState.APPROVED).singleElement()
                    .satisfies(t -> assertThat(t.getSchemaChanges()).singleElement().asString()
                            .contains("item \"Moves in the last 3 years\" (moves_last_3_years) is removed"));
        } finally {
            jdbc.update("UPDATE model_bundle SET state = 'candidate' WHERE version = ?", version);
            registry.refresh();
        }
    }

    @Test
    void activatingAnUnknownVersionIs404() {
        assertThatThrownBy(() -> clients().models("demo-analyst").activateModel("0123456789abcdef"))
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertStatus(() -> clients().models("demo-analyst").shadowModel("0123456789abcdef"), HttpStatus.NOT_FOUND,
                "0123456789abcdef");
        assertStatus(() -> clients().models("demo-analyst").getModelHistory("0123456789abcdef",
                AccessPurpose.MODEL_MANAGEMENT, null), HttpStatus.NOT_FOUND, "0123456789abcdef");
    }

    @Test
    void theActiveModelCannotBePutIntoShadow() {
        assertStatus(() -> clients().models("demo-analyst").shadowModel(versionOf(TestBundles.bundle())),
                HttpStatus.CONFLICT, "is active");
    }

    @Test
    void somethingThatIsNotABundleIsRefused() throws Exception {
        long before = rows("model_bundle");
        Path junk = Files.createTempFile("not-a-bundle", ".zip");
        Files.writeString(junk, "hello");
        File f = junk.toFile();
        assertThatThrownBy(() -> clients().models("demo-analyst").uploadModel(f))
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(rows("model_bundle")).isEqualTo(before);
    }

    @Test
    void aVersionOutsideTheContractsPatternIs400NamingIt() {
        var r = http().post("/api/v1/models/bad$version/activate", "demo-analyst", "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"version\"");
    }

    @AfterEach
    void theTestBundleIsActiveAgain() {
        assertThat(registry.current().version()).isEqualTo(versionOf(TestBundles.bundle()));
    }

    private ModelTransition approve(String token, String version) {
        return clients().models(token).approveModel(version,
                new ModelApprovalRequest().reason("validated on last year's cases"), null);
    }

    private ModelState stateOf(String version) {
        return clients().models("demo-analyst").listModels(AccessPurpose.MODEL_MANAGEMENT).stream()
                .filter(m -> m.getVersion().equals(version)).findFirst().orElseThrow().getState();
    }

    /** After a failure half-way: the test bundle active again, the others candidates, for the other tests. */
    private void restore(String first) {
        if (!first.equals(registry.current().version()) || !"active".equals(jdbc.queryForObject(
                "SELECT state FROM model_bundle WHERE version = ?", String.class, first))) {
            jdbc.update("UPDATE model_bundle SET state = 'candidate' WHERE version <> ?", first);
            jdbc.update("UPDATE model_bundle SET state = 'active' WHERE version = ?", first);
            registry.refresh();
        }
    }

    private static void assertStatus(Runnable call, HttpStatus status, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getResponseBodyAsString()).contains(detail);
        });
    }

    private String scoredWith() {
        return clients().scores("demo-caseworker").createScore(Cases.low("C-models-1"), null).getModelVersion();
    }

    /** The version is the first 16 hex digits of the file's SHA-256. */
    static String versionOf(Path bundle) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(bundle))).substring(0, 16);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
