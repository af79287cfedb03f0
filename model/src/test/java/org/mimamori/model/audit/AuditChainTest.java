package org.mimamori.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00.123Z");

    private static AuditRecord base() {
        return new AuditRecord(AT, "sato", "caseworker", "score.read", "score/1", "case_review", "ok", null, "r-1",
                Children.of(List.of("C-1")));
    }

    @Test
    void aLanedRecordsHashCoversItsLaneAndNumberAndDiffersFromTheRecordNumberedHash() {
        AuditRecord b = base();
        Set<String> hashes = new HashSet<>(List.of(
                AuditChain.hash(AuditChain.GENESIS, 0, 1, b),
                AuditChain.hash(AuditChain.GENESIS, 1, 1, b),
                AuditChain.hash(AuditChain.GENESIS, 0, 2, b),
                AuditChain.hash("1".repeat(64), 0, 1, b),
                AuditChain.hash(AuditChain.GENESIS, 1, b)));
        assertThat(hashes).hasSize(5);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 3, 7, b)).isEqualTo(AuditChain.hash(AuditChain.GENESIS, 3, 7,
                base()));
    }

    @Test
    void everyFieldAndThePreviousHashAreCovered() {
        AuditRecord b = base();
        List<String> hashes = List.of(
                AuditChain.hash(AuditChain.GENESIS, 1, b),
                AuditChain.hash("1".repeat(64), 1, b),
                AuditChain.hash(AuditChain.GENESIS, 2, b),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT.plusMillis(1), "sato", "caseworker",
                        "score.read", "score/1", "case_review", "ok", null, "r-1", b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sat", "caseworker", "score.read",
                        "score/1", "case_review", "ok", null, "r-1", b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "supervisor", "score.read",
                        "score/1", "case_review", "ok", null, "r-1", b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "caseworker", "score.create",
                        "score/1", "case_review", "ok", null, "r-1", b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "caseworker", "score.read",
                        "score/2", "case_review", "ok", null, "r-1", b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "caseworker", "score.read",
                        "score/1", null, "ok", null, "r-1", b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "caseworker", "score.read",
                        "score/1", "case_review", "forbidden", null, "r-1", b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "caseworker", "score.read",
                        "score/1", "case_review", "ok", "x", "r-1", b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "caseworker", "score.read",
                        "score/1", "case_review", "ok", null, null, b.children())),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "caseworker", "score.read",
                        "score/1", "case_review", "ok", null, "r-1", Children.of(List.of("C-2")))),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "sato", "caseworker", "score.read",
                        "score/1", "case_review", "ok", null, "r-1", Children.described(List.of("C-1"), "q"))));
        assertThat(new HashSet<>(hashes)).hasSameSizeAs(hashes);
        assertThat(hashes).allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Property
    void fieldBoundariesCannotBeShifted(@ForAll String a, @ForAll String b) {
        // "ab" + "" and "a" + "b" must not give one encoding
        AuditRecord one = new AuditRecord(AT, a + b, "r", "x", "y", null, "ok", null, null, null);
        AuditRecord two = new AuditRecord(AT, a, "r" + b, "x", "y", null, "ok", null, null, null);
        if (!b.isEmpty() && (a + b).length() <= 255 && ("r" + b).length() <= 32) {
            assertThat(AuditChain.hash(AuditChain.GENESIS, 1, one))
                    .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, two));
        }
    }

    @Property
    void theChildrensDigestIgnoresOrderAndDuplicates(@ForAll Set<String> refs) {
        List<String> list = List.copyOf(refs);
        List<String> reversed = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(reversed);
        reversed.addAll(list);
        assertThat(Children.of(reversed).digest()).isEqualTo(Children.of(list).digest());
        assertThat(Children.of(list).count()).isEqualTo(refs.size());
    }

    @Test
    void largeSetsAreDescribedNotListed() {
        List<String> many = java.util.stream.IntStream.range(0, Children.MAX_LISTED + 1).mapToObj(i -> "C-" + i)
                .toList();
        assertThat(Children.of(many).listed()).isFalse();
        assertThat(Children.of(many).refs()).isEmpty();
        assertThat(Children.of(many.subList(0, 3)).refs()).hasSize(3);
    }
}
