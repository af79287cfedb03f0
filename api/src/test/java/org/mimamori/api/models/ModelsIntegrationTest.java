package org.mimamori.api.models;

import org.mimamori.client.model.AccessPurpose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.ModelInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;

/** The model registry through the generated client. */
class ModelsIntegrationTest extends IntegrationTestBase {

    @Test
    void theImportedBundleIsRegisteredAndActive() {
        List<ModelInfo> models = clients().models("demo-analyst").listModels(AccessPurpose.MODEL_MANAGEMENT);
        assertThat(models).anySatisfy(m -> {
            assertThat(m.getActive()).isTrue();
            assertThat(m.getSchemaId()).isEqualTo("child-support-v1");
            assertThat(m.getUploadedBy()).isEqualTo("system");
            assertThat(m.getSizeBytes()).isPositive();
        });
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

    @Test
    void aSecondBundleUploadedAndActivatedScoresFromThenOn() throws Exception {
        String first = versionOf(TestBundles.bundle());
        String second = versionOf(TestBundles.other());
        assertThat(second).isNotEqualTo(first);
        assertThat(scoredWith()).isEqualTo(first);
        long before = rows("model_bundle");
        ResponseEntity<ModelInfo> r = clients().models("demo-analyst")
                .uploadModelWithHttpInfo(TestBundles.other().toFile());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody().getVersion()).isEqualTo(second);
        assertThat(r.getBody().getActive()).isFalse();
        assertThat(rows("model_bundle")).isEqualTo(before + 1);
        assertThat(scoredWith()).as("uploading does not activate").isEqualTo(first);
        try {
            ModelInfo activated = clients().models("demo-admin").activateModel(second);
            assertThat(activated.getActive()).isTrue();
            assertThat(activated.getActivatedBy()).isEqualTo("demo-admin");
            assertThat(scoredWith()).isEqualTo(second);
            assertThat(clients().models("demo-analyst").listModels(AccessPurpose.MODEL_MANAGEMENT))
                    .filteredOn(ModelInfo::getActive).extracting(ModelInfo::getVersion).containsExactly(second);
        } finally {
            clients().models("demo-admin").activateModel(first);
        }
        assertThat(scoredWith()).isEqualTo(first);
    }

    private String scoredWith() {
        return clients().scores("demo-caseworker").createScore(Cases.low("C-models-1"), null).getModelVersion();
    }

    /** The version is the first 16 hex digits of the file's SHA-256. */
    private static String versionOf(Path bundle) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(bundle))).substring(0, 16);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
    void activatingAnUnknownVersionIs404() {
        assertThatThrownBy(() -> clients().models("demo-analyst").activateModel("0123456789abcdef"))
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void aVersionOutsideTheContractsPatternIs400NamingIt() {
        var r = http().post("/api/v1/models/bad$version/activate", "demo-analyst", "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"version\"");
    }
}
