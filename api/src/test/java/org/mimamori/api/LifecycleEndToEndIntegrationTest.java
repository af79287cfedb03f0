package org.mimamori.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.config.TestDatabases;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.ScoreLoad;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.api.ShadowApi;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.ModelApprovalRequest;
import org.mimamori.client.model.ModelInfo;
import org.mimamori.client.model.ModelRollbackRequest;
import org.mimamori.client.model.ModelState;
import org.mimamori.client.model.ModelTransition;
import org.mimamori.client.model.ShadowReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The model lifecycle end to end (docs/models.md, "Lifecycle"), on two instances of the service sharing one
 * database, each scoring continuously under load: upload → shadow (both instances shadow-score; the shadow report
 * counts them and its headline goes into the approval record) → approval by
 * the uploader refused, by a second person with a reason → activation: both instances serve the new model
 * within 5 s with no failed request → rollback: both serve the old model again within 5 s, still no failed
 * request.
 */
class LifecycleEndToEndIntegrationTest {

    /** How soon every instance must serve a change (the refresh interval is the default, 2 s). */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void uploadShadowApproveActivateOnTwoInstancesUnderLoadThenRollBack() throws Exception {
        Path dir = DataDirs.fresh("lifecycle");
        EmbeddedMariaDb db = TestDatabases.start(dir.resolve("shared-db"));
        ConfigurableApplicationContext a = null;
        ConfigurableApplicationContext b = null;
        List<ScoreLoad> loads = new ArrayList<>();
        try {
            a = start(db, dir.resolve("a"));
            b = start(db, dir.resolve("b"));
            Clients one = new Clients(port(a));
            Clients two = new Clients(port(b));
            String first = versionOf(TestBundles.bundle());
            assertThat(scoredWith(one)).isEqualTo(first);
            assertThat(scoredWith(two)).isEqualTo(first);
            loads.add(ScoreLoad.start("a", "C-LIFE", one.scores("demo-caseworker"), Duration.ZERO));
            loads.add(ScoreLoad.start("b", "C-LIFE", two.scores("demo-caseworker"), Duration.ZERO));

            // Upload (by an admin, who therefore cannot approve it) and shadow, on instance a.
            ModelInfo uploaded = one.models("demo-admin").uploadModel(TestBundles.other().toFile());
            String second = uploaded.getVersion();
            assertThat(uploaded.getState()).isEqualTo(ModelState.CANDIDATE);
            one.models("demo-analyst").shadowModel(second);
            awaitShadow(a, second);
            awaitShadow(b, second);

            // The shadow report: both instances shadow-score their live requests under the load; the report
            // (read on either instance, from the shared database) counts them, compared with the active model.
            ShadowReport report = awaitShadowReport(one, second, 40);
            assertThat(report.getShadowVersion()).isEqualTo(second);
            assertThat(report.getActiveVersion()).isEqualTo(first);
            assertAgreementAddsUp(report);
            ShadowReport onB = new ShadowApi(two.api("demo-auditor")).getShadowReport(second, AccessPurpose.AUDIT,
                    "en");
            assertThat(onB.getScored()).isGreaterThanOrEqualTo(report.getScored());

            // Approval, on instance b: the uploader is refused, a second person with a reason approves.
            assertThatThrownBy(() -> two.models("demo-admin").approveModel(second,
                    new ModelApprovalRequest().reason("I trained it, it is fine"), null))
                    .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
                        assertThat(e.getResponseBodyAsString()).contains("second person");
                    });
            ModelTransition approval = two.models("demo-supervisor").approveModel(second,
                    new ModelApprovalRequest().reason("shadow report and validation on last year's cases reviewed"), null);
            assertThat(approval.getTo()).isEqualTo(ModelState.APPROVED);
            assertThat(approval.getBy()).isEqualTo("demo-supervisor");
            // the approval records the shadow report's headline it rests on
            assertThat(approval.getShadowReport()).isNotNull();
            assertThat(approval.getShadowReport().getActiveVersion()).isEqualTo(first);
            assertThat(approval.getShadowReport().getScored()).isGreaterThanOrEqualTo(report.getScored());

            // Activation on instance a: both serve the new model within 5 s, under load.
            long activated = System.nanoTime();
            one.models("demo-analyst").activateModel(second);
            ScoreLoad.awaitServing(loads, second, activated, WITHIN);

            // Rollback on instance b: both serve the old model again within 5 s.
            long rolledBack = System.nanoTime();
            ModelInfo back = two.models("demo-supervisor").rollbackModel(
                    new ModelRollbackRequest().reason("the new model flags more children than we can visit"));
            assertThat(back.getVersion()).isEqualTo(first);
            ScoreLoad.awaitServing(loads, first, rolledBack, WITHIN);

            for (ScoreLoad load : loads) {
                load.stop();
            }
            for (ScoreLoad load : loads) {
                assertThat(load.failures()).as("failed requests on instance " + load.name()).isEmpty();
                assertThat(load.scored()).as("scores on instance " + load.name()).isGreaterThan(20);
            }
            List<ModelTransition> history = one.models("demo-auditor").getModelHistory(second, AccessPurpose.AUDIT, null);
            assertThat(history).extracting(ModelTransition::getTo).containsExactly(ModelState.CANDIDATE,
                    ModelState.SHADOW, ModelState.APPROVED, ModelState.ACTIVE, ModelState.RETIRED);
            assertThat(history.get(2).getReason()).isEqualTo(
                    "shadow report and validation on last year's cases reviewed");
            assertThat(history.get(4).getBy()).isEqualTo("demo-supervisor");
        } finally {
            for (ScoreLoad load : loads) {
                load.stop();
            }
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
            db.stop();
        }
    }

    /**
     * Waits until the shadow report of {@code version} counts at least {@code atLeast} scores (shadow scoring runs
     * after each score's commit, on a background thread of the instance that made it).
     */
    private static ShadowReport awaitShadowReport(Clients clients, String version, long atLeast)
            throws InterruptedException {
        ShadowApi shadow = new ShadowApi(clients.api("demo-supervisor"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                ShadowReport report = shadow.getShadowReport(version, AccessPurpose.SUPERVISION, "en");
                if (report.getScored() >= atLeast) {
                    return report;
                }
            } catch (HttpClientErrorException.NotFound e) {
                // nothing shadow-scored yet
            }
            assertThat(System.nanoTime()).as("shadow report of " + version + " counting " + atLeast + " scores")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Waits until the instance's shadow model (in memory) is {@code version}. */
    private static void awaitShadow(ConfigurableApplicationContext app, String version) throws InterruptedException {
        ActiveModels models = app.getBean(ActiveModels.class);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!models.shadow().map(ActiveModel::version).orElse("").equals(version)) {
            assertThat(System.nanoTime()).as("shadow model " + version + " within " + WITHIN).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

            private static ConfigurableApplicationContext start(EmbeddedMariaDb db, Path dataDir) {
        return new SpringApplicationBuilder(MimamoriApiApplication.class).run(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--mimamori.data-dir=" + dataDir,
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.flyway.user=" + db.ownerName(),
                "--spring.flyway.password=" + db.password(),
                // As documented for an external database: migrations as the owner, the service with table rights.
                "--mimamori.database.service-account='" + db.username() + "'@'127.0.0.1'",
                "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                "--mimamori.models.demo-when-empty=false");
    }

    private static String scoredWith(Clients clients) {
        return clients.scores("demo-caseworker").createScore(Cases.low("C-LIFE-0"), null).getModelVersion();
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** The version is the first 16 hex digits of the file's SHA-256. */
    private static String versionOf(Path bundle) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(bundle))).substring(0, 16);
    }

    /** The agreement matrix accounts for every counted score, and its diagonal (same band id) is the agreement. */
    private static void assertAgreementAddsUp(ShadowReport report) {
        var agreement = report.getAgreement();
        long total = 0;
        long diagonal = 0;
        for (int i = 0; i < agreement.getCounts().size(); i++) {
            for (int j = 0; j < agreement.getCounts().get(i).size(); j++) {
                long n = agreement.getCounts().get(i).get(j);
                total += n;
                if (agreement.getActiveBands().get(i).getId().equals(agreement.getShadowBands().get(j).getId())) {
                    diagonal += n;
                }
            }
        }
        assertThat(total).as("the matrix counts every shadow-scored request").isEqualTo(report.getScored());
        assertThat(agreement.getAgreeing()).isEqualTo(diagonal);
        assertThat(agreement.getShare()).isCloseTo((double) diagonal / total, org.assertj.core.data.Offset.offset(1e-9));
    }
}
