package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.api.CessationApi;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.CessationMode;
import org.mimamori.client.model.CessationRequest;
import org.mimamori.client.model.ScoreRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Group commit ({@link ScoreCommits}) through the generated client: scores of concurrent requests are recorded
 * in fewer transactions than there are scores, yet each exactly once with its own audit record and own
 * assessment; a child under a cessation-of-use request among them is refused alone.
 */
class GroupCommitIntegrationTest extends IntegrationTestBase {

    private static final int REQUESTS = 48;

    @Autowired
    private MeterRegistry meters;

    @Test
    void concurrentScoresAreRecordedTogetherEachWithItsAuditRecord() throws Exception {
        DistributionSummary groups = meters.get("mimamori.scores.group.size").summary();
        long groupsBefore = groups.count();
        double scoresBefore = groups.totalAmount();
        List<String> children = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            children.add(ref("GRP"));
        }

        List<Outcome> outcomes = scoreAtOnce(children);

        assertThat(outcomes).allMatch(o -> o.status == 201);
        for (Outcome o : outcomes) {
            assertThat(count("SELECT COUNT(*) FROM score WHERE id = ? AND child_ref = ?", o.scoreId, o.child))
                    .isOne();
            assertThat(count("SELECT COUNT(*) FROM own_assessment WHERE score_id = ?", o.scoreId)).isOne();
            assertThat(count("SELECT COUNT(*) FROM audit_event e JOIN audit_child c ON c.audit_id = e.id "
                    + "WHERE e.action = 'score.create' AND e.outcome = 'ok' AND e.resource = ? AND c.child_ref = ?",
                    "score/" + o.scoreId, o.child)).as("the audit record of " + o.child).isOne();
        }
        assertThat(groups.totalAmount() - scoresBefore).isEqualTo(REQUESTS);
        assertThat(groups.count() - groupsBefore).as("transactions for " + REQUESTS + " concurrent scores")
                .isLessThan(REQUESTS);
    }

    @Test
    void aChildUnderCessationIsRefusedAloneAmongConcurrentScores() throws Exception {
        String ceased = ref("CEA");
        new CessationApi(clients().api("demo-privacy_officer")).requestCessation(ceased, new CessationRequest()
                .mode(CessationMode.RESTRICT).reason("The family asked on 2026-11-30 (letter no. 14).")
                .purpose(AccessPurpose.DELETION_REQUEST));
        List<String> children = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            children.add(i % 6 == 3 ? ceased : ref("GRC"));
        }

        List<Outcome> outcomes = scoreAtOnce(children);

        assertThat(outcomes).filteredOn(o -> o.child.equals(ceased)).hasSize(4).allMatch(o -> o.status == 409);
        assertThat(outcomes).filteredOn(o -> !o.child.equals(ceased)).hasSize(20).allMatch(o -> o.status == 201);
        assertThat(count("SELECT COUNT(*) FROM score WHERE child_ref = ?", ceased)).isZero();
        for (Outcome o : outcomes) {
            if (o.status == 201) {
                assertThat(count("SELECT COUNT(*) FROM score WHERE id = ?", o.scoreId)).isOne();
            }
        }
    }

    private record Outcome(String child, int status, String scoreId) {
    }

    /** Scores each child from its own thread, all released at once. */
    private List<Outcome> scoreAtOnce(List<String> children) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (String child : children) {
                futures.add(pool.submit(() -> {
                    ScoreRequest request = Cases.high(child).priorAssessment(
                            new org.mimamori.client.model.PriorAssessment()
                                    .level(org.mimamori.client.model.PriorAssessment.LevelEnum.MODERATE));
                    go.await();
                    try {
                        return new Outcome(child, 201, clients().scores("demo-caseworker")
                                .createScore(request, "en").getId().toString());
                    } catch (HttpClientErrorException e) {
                        return new Outcome(child, e.getStatusCode().value(), null);
                    }
                }));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static String ref(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "7";
    }
}
