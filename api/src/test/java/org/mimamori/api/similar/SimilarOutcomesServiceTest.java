package org.mimamori.api.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.problems.UnavailableException;
import org.mimamori.api.security.Caller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The relaxation from the top 3 items to the top 1, and one outcome per child, on a stub store. */
class SimilarOutcomesServiceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The service's clock. */
    private static final Instant NOW = Instant.parse("2026-04-01T09:30:00.123456Z");
    private static final List<SimilarStore.State> TOP = List.of(new SimilarStore.State("a", "yes", "はい"),
            new SimilarStore.State("b", "3–5", "3〜5"), new SimilarStore.State("c", "no", "いいえ"));

    private final List<AuditEntry> audited = new ArrayList<>();

    @Test
    void relaxesUntilTheGroupReachesTheMinimumAndCountsEachChildOnce() {
        // 3 items: 5 children; 2 items: 20 children, two of them twice (the later outcome counts); 1 item: 40
        Map<Integer, List<SimilarStore.PastOutcome>> byK = Map.of(3, children(5, 0), 2, withRepeat(children(19, 0)),
                1, children(40, 0));
        SimilarOutcomesService.Answer a = service(TOP, byK).query(UUID.randomUUID(), "case_review",
                new Caller("u", "caseworker"));
        assertThat(a.items()).containsExactlyElementsOf(TOP.subList(0, 2));
        assertThat(a.group().children()).isEqualTo(20);
        // a need for the even children 0..18 (10: poverty; 0, 4, 8, 12, 16 also neglect); C-19's latest: no need
        assertThat(a.group().needConfirmed()).isEqualTo(10);
        assertThat(a.group().supportTypes()).containsExactly(Map.entry("poverty", 10), Map.entry("neglect", 5));
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("score.similar_outcomes");
            assertThat(e.resource()).isEqualTo("score/" + a.scoreId());
            assertThat(e.purpose()).isEqualTo("case_review");
            assertThat(e.at()).as("the injected clock's time, to the millisecond")
                    .isEqualTo(Instant.parse("2026-04-01T09:30:00.123Z"));
        });
    }

    @Test
    void belowTheMinimumAtEveryStepNothingIsGiven() {
        Map<Integer, List<SimilarStore.PastOutcome>> byK = Map.of(3, children(2, 0), 2, children(10, 0), 1,
                children(19, 0));
        SimilarOutcomesService.Answer a = service(TOP, byK).query(UUID.randomUUID(), "screening",
                new Caller("u", "supervisor"));
        assertThat(a.group()).isNull();
        assertThat(a.items()).containsExactly(TOP.get(0));
        assertThat(audited).hasSize(1);
    }

    @Test
    void aScoreThatNoItemMovedHasNoSimilarCases() {
        SimilarOutcomesService.Answer a = service(List.of(), Map.of()).query(UUID.randomUUID(), "screening",
                new Caller("u", "supervisor"));
        assertThat(a.group()).isNull();
        assertThat(a.items()).isEmpty();
        assertThat(audited).hasSize(1);
    }

    /** n children C-0..C-(n-1); even ones with a confirmed need and poverty, every fourth also neglect. */
    private static List<SimilarStore.PastOutcome> children(int n, int from) {
        List<SimilarStore.PastOutcome> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(new SimilarStore.PastOutcome("C-" + i, i % 2 == 0, i % 4 == 0 ? "poverty,neglect"
                    : i % 2 == 0 ? "poverty" : "", T0));
        }
        return out;
    }

    /**
     * Adds child C-19 twice, the later outcome (no need) listed before the earlier (a need, abuse), and an
     * earlier outcome of C-0 (abuse): only each child's latest counts.
     */
    private static List<SimilarStore.PastOutcome> withRepeat(List<SimilarStore.PastOutcome> outcomes) {
        List<SimilarStore.PastOutcome> out = new ArrayList<>(outcomes);
        out.add(new SimilarStore.PastOutcome("C-19", false, "", T0.plusSeconds(60)));
        out.add(new SimilarStore.PastOutcome("C-19", true, "abuse", T0));
        out.add(new SimilarStore.PastOutcome("C-0", true, "abuse", T0.minusSeconds(60)));
        return out;
    }

    private SimilarOutcomesService service(List<SimilarStore.State> top,
                                           Map<Integer, List<SimilarStore.PastOutcome>> byK) {
        SimilarStore store = new SimilarStore(null) {
            @Override
            Optional<ScoreFacts> score(String id) {
                return Optional.of(new ScoreFacts("SELF-1", "schema-1"));
            }

            @Override
            List<State> topStates(String scoreId, int limit) {
                return top.subList(0, Math.min(limit, top.size()));
            }

            @Override
            List<PastOutcome> outcomesMatching(String schemaId, String childRef, List<State> states) {
                assertThat(childRef).isEqualTo("SELF-1");
                return byK.getOrDefault(states.size(), List.of());
            }
        };
        AuditTrail audit = new AuditTrail() {
            @Override
            public void record(AuditEntry entry) {
                audited.add(entry);
            }

            @Override
            public org.mimamori.model.audit.AuditLedger.Head head() {
                throw new UnsupportedOperationException("not used here");
            }
        };
        PlatformTransactionManager tx = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                return new SimpleTransactionStatus();
            }

            @Override
            public void commit(TransactionStatus status) {
            }

            @Override
            public void rollback(TransactionStatus status) {
            }
        };
        return new SimilarOutcomesService(store, noDerivedKeys(), audit, () -> {
            throw new UnavailableException("モデルがありません", "no model");
        }, tx, new SimilarProperties(20), new org.mimamori.api.scoring.ScoreVisibility() {
            @Override
            public boolean appliesTo(org.mimamori.api.security.Caller caller) {
                return false;
            }

            @Override
            public java.util.Set<String> hidden(java.util.Collection<String> ids, org.mimamori.api.security.Caller c) {
                return java.util.Set.of();
            }

            @Override
            public java.util.List<OwnAssessment> assessmentsOf(java.util.Collection<String> ids) {
                return java.util.List.of();
            }
        }, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    /** Keys derived again: none (the stub store gives the stored ones; a score no item moved has none). */
    private static ScoreStates noDerivedKeys() {
        return new ScoreStates(null, null) {
            @Override
            Optional<List<Key>> derived(String scoreId) {
                return Optional.of(List.of());
            }
        };
    }
}
