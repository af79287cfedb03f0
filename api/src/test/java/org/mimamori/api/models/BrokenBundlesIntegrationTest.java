package org.mimamori.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.Score;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Issue 8, item 4: a broken bundle never goes live. Each refused upload answers 400 with a problem naming
 * what is wrong in plain words, stores nothing (no bundle row; its audit record says it was refused), and the active model still
 * scores.
 */
class BrokenBundlesIntegrationTest extends IntegrationTestBase {

    private static final String NUMBER = "-?[0-9][0-9.eE+-]*";

    @Autowired
    private ModelRegistryService registry;

    @Test
    void aBundleWithAnInfiniteWeightIsRefused() {
        for (String bad : new String[] {"1e308", "-1e308", "Infinity", "NaN"}) {
            byte[] broken = BundleZips.with(sound(), "scorecard.json",
                    t -> t.replaceFirst("\"weight\"\\s*:\\s*" + NUMBER, "\"weight\" : " + bad));
            assertRefused(broken, body -> assertThat(body)
                    .contains("\"field\":\"file\"")
                    .containsPattern("\"message\":\"scorecard.json: the weight of [^\"]+ is [^\"]*not a finite number"));
        }
        byte[] member = BundleZips.with(sound(), "ensemble.json",
                t -> t.replaceFirst("\"biases\"\\s*:\\s*\\[\\s*" + NUMBER, "\"biases\" : [ 1e308"));
        assertRefused(member, body -> assertThat(body).contains("ensemble.json: member 1: the bias is"));
        byte[] calibration = BundleZips.with(sound(), "calibration.json",
                t -> t.replaceFirst("\"a\"\\s*:\\s*" + NUMBER, "\"a\":1e309"));
        assertRefused(calibration, body -> assertThat(body).contains("calibration.json: "));
    }

    @Test
    void aTruncatedZipIsRefused() {
        byte[] zip = sound();
        for (int cut : new int[] {zip.length - 1, zip.length - 30, zip.length / 2}) {
            assertRefused(Arrays.copyOf(zip, cut), body -> assertThat(body)
                    .contains("the file is not a complete zip file").contains("cut short"));
        }
        assertRefused(Arrays.copyOf(zip, zip.length + 100), body -> assertThat(body).contains("bytes after its end"));
    }

    @Test
    void aBundleWithAnEmptyEntryIsRefused() {
        var entries = BundleZips.entries(sound());
        entries.put("scorecard.json", new byte[0]);
        entries.put("encoder.json", new byte[0]);
        assertRefused(BundleZips.zip(entries), body -> assertThat(body)
                .contains("scorecard.json: is empty").contains("encoder.json: is empty"));
        entries.remove("bands.json");
        assertRefused(BundleZips.zip(entries), body -> assertThat(body).contains("bands.json: is missing"));
    }

    @Test
    void aZipBombIsRefusedWithBoundedMemory() {
        // 3 MB that inflate to 3 GB; once with honest headers, once with headers that claim 1,000 bytes.
        for (long declared : new long[] {3072L << 20, 1000}) {
            Path bomb = BundleZips.file(BundleZips.bomb("scorecard.json", 3072, declared));
            var heap = ManagementFactory.getMemoryMXBean();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] ids = threads.getAllThreadIds();
            System.gc();
            long usedBefore = heap.getHeapMemoryUsage().getUsed();
            long allocatedBefore = Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
            long started = System.nanoTime();
            assertRefused(BundleZips.read(bomb), body -> assertThat(body).contains("scorecard.json: inflates to"));
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            long allocated = Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum()
                    - allocatedBefore;
            System.gc();
            long kept = heap.getHeapMemoryUsage().getUsed() - usedBefore;
            assertThat(seconds).as("seconds to refuse").isLessThan(10);
            assertThat(allocated).as("bytes allocated while refusing a 3 GB bomb").isLessThan(300L << 20);
            assertThat(kept).as("heap kept after refusing").isLessThan(64L << 20);
        }
    }

    @Test
    void aStoredBundleThatFailsItsChecksIsNotActivatedAndTheActiveModelStays() {
        String activeBefore = registry.current().version();
        byte[] broken = BundleZips.with(sound(), "scorecard.json",
                t -> t.replaceFirst("\"weight\"\\s*:\\s*" + NUMBER, "\"weight\" : 1e308"));
        String version = "badbad0123456789";
        // As if stored by an earlier version of the service, before bundles were checked.
        jdbc.update("INSERT INTO model_bundle (version, schema_id, bytes, size_bytes, uploaded_by, uploaded_at, state) "
                + "VALUES (?, 'child-support-v1', ?, ?, 'earlier', CURRENT_TIMESTAMP(3), 'candidate')",
                version, broken, broken.length);
        try {
            long audits = lastAuditId();
            assertThatThrownBy(() -> clients().models("demo-admin").activateModel(version))
                    .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.getResponseBodyAsString()).contains("\"field\":\"version\"")
                                .contains("model " + version + " cannot be activated: scorecard.json: the weight of");
                    });
            assertThat(auditOutcomesAfter(audits)).as("the refusal, recorded as such").containsExactly("invalid");
            assertThat(registry.current().version()).isEqualTo(activeBefore);
            assertStillScoresWith(activeBefore);

            // Its card is refused as a conflict naming the problem, not an error of the service.
            var card = http().get("/api/v1/models/" + version + "/card?purpose=supervision&lang=en", "demo-supervisor");
            assertThat(card.statusCode()).isEqualTo(409);
            assertThat(card.body()).contains("fails its checks").contains("scorecard.json: the weight of");

            // Loading it as the active model (at start-up, or when another instance made it active) refuses it
            // too, and keeps what is in memory.
            jdbc.update("UPDATE model_bundle SET state = 'retired' WHERE version = ?", activeBefore);
            jdbc.update("UPDATE model_bundle SET state = 'active' WHERE version = ?", version);
            assertThat(registry.refresh()).isFalse();
            assertThat(registry.current().version()).isEqualTo(activeBefore);
            assertStillScoresWith(activeBefore);
        } finally {
            jdbc.update("UPDATE model_bundle SET state = 'candidate' WHERE version = ?", version);
            jdbc.update("UPDATE model_bundle SET state = 'active' WHERE version = ?", activeBefore);
            jdbc.update("DELETE FROM model_bundle WHERE version = ?", version);
        }
        assertStillScoresWith(activeBefore);
    }

    @Test
    void aProblemNeverShowsAJavaClassNameOrStackTrace() {
        byte[] broken = BundleZips.with(sound(), "calibration.json", t -> "{\"kind\":\"platt\",\"a\":-1,\"b\":0}");
        assertRefused(broken, body -> assertThat(body).contains("calibration.json: has an impossible value")
                .doesNotContainPattern("(java|org|com)\\.[a-z]+\\.|Exception|\\tat "));
    }

    /** Uploads, expects a 400 whose body passes the check, and that nothing was stored and the model scores. */
    private void assertRefused(byte[] bundle, Consumer<String> body) {
        long bundles = rows("model_bundle");
        long audits = lastAuditId();
        String active = registry.current().version();
        assertThatThrownBy(() -> clients().models("demo-analyst").uploadModel(BundleZips.file(bundle).toFile()))
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getResponseHeaders().getContentType()).hasToString("application/problem+json");
                    body.accept(e.getResponseBodyAsString());
                });
        assertThat(rows("model_bundle")).as("bundles stored").isEqualTo(bundles);
        assertThat(auditOutcomesAfter(audits)).as("the refusal, recorded as such").containsExactly("invalid");
        assertStillScoresWith(active);
    }

    private void assertStillScoresWith(String version) {
        Score s = clients().scores("demo-caseworker").createScore(Cases.high("C-broken-1"), null);
        assertThat(s.getModelVersion()).isEqualTo(version);
    }

    private static byte[] sound() {
        return BundleZips.read(TestBundles.bundle());
    }
}
