package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.TestBundles;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.scoring.Scorer;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.ValueParser;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;

/**
 * A screened child's inputs as a score request's items, whether it is already supported, and the fingerprint of
 * its explanation.
 */
class ScreenedChildTest {

    private final FeatureSchema schema = SchemaLoader.loadDefault();

    @Test
    void itemsCarryTheRecordedInputsAsJsonAndReadBackTheSame() {
        Map<String, Value> m = new HashMap<>();
        m.put("child_ref", Value.category("C0001"));
        m.put("age_years", Value.of(3));
        m.put("absence_days_term", Value.of(12)); // not applicable at 3
        m.put("single_parent", Value.YES);
        m.put("already_supported", Value.NO);
        m.put("need_confirmed_12m", Value.YES);
        m.put("need_type_poverty", Value.YES);
        Case c = Case.resolve(schema, m);

        Map<String, Object> items = ScreenedChild.items(c, schema);
        assertThat(items).containsEntry("age_years", 3L).containsEntry("single_parent", true)
                .containsEntry("already_supported", false).containsEntry("absence_days_term", "not_applicable")
                .doesNotContainKeys("child_ref", "need_confirmed_12m", "need_type_poverty");
        items.forEach((id, json) -> assertThat(ValueParser.fromJson(schema.item(id).orElseThrow(), json))
                .as(id).isEqualTo(c.get(id)));
        assertThat(ScreenedChild.alreadySupported(c, schema)).isFalse();

        m.put("already_supported", Value.YES);
        assertThat(ScreenedChild.alreadySupported(Case.resolve(schema, m), schema)).isTrue();
    }

    /**
     * The fingerprint is digested from one buffer (for speed); it must be the SHA-256 the first version computed
     * by feeding the digest piece by piece, or compact entries stored before would no longer open.
     */
    @Test
    void theFingerprintIsTheFirstVersionsDigestAndTellsChildrenApart() throws Exception {
        Scorer scorer = ModelBundle.read(java.nio.file.Files.readAllBytes(TestBundles.bundle())).scorer();
        byte[] csv = java.nio.file.Files.readAllBytes(Cohorts.cohort(300, 11));
        CohortFile file = CohortFile.read(scorer.schema(), csv, null);
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (Case c : file.cases()) {
            ExplainedScore s = scorer.score(c);
            byte[] f = ScreenedChild.fingerprint(s);
            assertThat(f).hasSize(8).isEqualTo(firstVersion(s)).isEqualTo(ScreenedChild.fingerprint(scorer.score(c)));
            distinct.add(java.util.HexFormat.of().formatHex(f));
        }
        assertThat(distinct).hasSizeGreaterThan(file.cases().size() * 9 / 10);
    }

    /** {@link ScreenedChild#fingerprint} as first written (2026-12-01). */
    private static byte[] firstVersion(ExplainedScore s) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
        java.util.function.DoubleConsumer num = d -> {
            b.clear();
            b.putDouble(d);
            sha.update(b.array());
        };
        java.util.function.Consumer<String> text = t -> {
            sha.update(String.valueOf(t).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
        };
        text.accept(s.modelVersion());
        if (s.estimate() != null) {
            num.accept(s.estimate().probability());
            num.accept(s.estimate().low());
            num.accept(s.estimate().high());
            text.accept(s.estimate().band().id());
        } else {
            text.accept("withheld");
        }
        num.accept(s.baseline());
        num.accept(s.logit());
        for (org.mimamori.model.scoring.Contribution c : s.contributions()) {
            text.accept(c.item().id());
            text.accept(String.valueOf(c.value()));
            num.accept(c.contribution());
        }
        if (s.unrecorded() != null) {
            num.accept(s.unrecorded().contribution());
            s.unrecorded().items().forEach(i -> text.accept(i.id()));
        }
        if (s.missingInformation() != null) {
            num.accept(s.missingInformation().logitLow());
            num.accept(s.missingInformation().logitHigh());
            num.accept(s.missingInformation().items().size());
        }
        s.bandMoves().forEach(m -> {
            text.accept(m.direction());
            text.accept(m.band() == null ? null : m.band().id());
            num.accept(m.changes().size());
        });
        s.warnings().forEach(w -> text.accept(w.code() + "/" + w.item()));
        s.redFlags().forEach(f -> text.accept(f.item()));
        return java.util.Arrays.copyOf(sha.digest(), 8);
    }
}
