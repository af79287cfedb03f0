package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FairnessAuditTest {

    private static final double[] SCORES = {0.9, 0.2, 0.8, 0.1, 0.7, 0.6, 0.3, 0.4};
    private static final boolean[] LABELS = {true, false, true, false, true, false, true, false};

    private static Map<String, String[]> column(String name, String... values) {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put(name, values);
        return m;
    }

    @Test
    void emptyValuesFormAnUnknownGroupAndNoRowIsDropped() {
        FairnessReport r = FairnessAudit.at(0.5).run(SCORES, LABELS,
                column("area", "a", "a", "a", "", null, " ", "b", "b"));
        assertThat(r.groupsOf("area")).extracting(GroupResult::value).containsExactly("a", "b", "(unknown)");
        assertThat(r.groupsOf("area").stream().mapToInt(GroupResult::n).sum()).isEqualTo(8);
        assertThat(r.group("area", "(unknown)").n()).isEqualTo(3);
    }

    @Test
    void theLargestKnownGroupIsTheDefaultReference() {
        FairnessReport r = FairnessAudit.at(0.5).run(SCORES, LABELS,
                column("area", "", "", "", "", "a", "a", "b", "b b"));
        assertThat(r.groupsOf("area")).filteredOn(GroupResult::reference).extracting(GroupResult::value)
                .containsExactly("a");
        FairnessReport explicit = FairnessAudit.at(0.5).withReference("area", "b").run(SCORES, LABELS,
                column("area", "", "", "", "", "a", "a", "b", "b b"));
        assertThat(explicit.group("area", "b").reference()).isTrue();
        assertThat(explicit.group("area", "a").reference()).isFalse();
    }

    @Test
    void rejectsReferenceGroupsThatDoNotExist() {
        assertThatThrownBy(() -> FairnessAudit.at(0.5).withReference("area", "z").run(SCORES, LABELS,
                column("area", "a", "a", "a", "a", "b", "b", "b", "b")))
                .hasMessageContaining("reference group area=z has no rows");
        assertThatThrownBy(() -> FairnessAudit.at(0.5).withReference("sex", "f").run(SCORES, LABELS,
                column("area", "a", "a", "a", "a", "b", "b", "b", "b")))
                .hasMessageContaining("'sex', which is not a group column");
    }

    @Test
    void marksGroupsWithTooFewCasesOrTooFewOfAClassAsTooSmall() {
        String[] area = {"a", "a", "a", "a", "b", "b", "b", "b"};
        FairnessAudit audit = FairnessAudit.at(0.5).withMinGroupSize(4).withMinClassCount(2);
        assertThat(audit.run(SCORES, LABELS, column("area", area)).groupsOf("area"))
                .allSatisfy(g -> assertThat(g.tooSmall()).isFalse());
        assertThat(audit.withMinGroupSize(5).run(SCORES, LABELS, column("area", area)).groupsOf("area"))
                .allSatisfy(g -> assertThat(g.tooSmall()).isTrue());
        assertThat(audit.withMinClassCount(3).run(SCORES, LABELS, column("area", area)).groupsOf("area"))
                .allSatisfy(g -> assertThat(g.tooSmall()).isTrue());
        assertThat(FairnessAudit.at(0.5).run(SCORES, LABELS, column("area", area)).group("area", "a").tooSmall())
                .isTrue();
    }

    @Test
    void disparityRatiosAreFlaggedOutsideTheInclusiveBand() {
        Tolerance t = Tolerance.DEFAULT;
        assertThat(Disparity.of(0.4, 0.5, t)).isEqualTo(new Disparity(0.8, 0.4 - 0.5, false));
        assertThat(Disparity.of(0.3, 0.5, t).flag()).isTrue();
        assertThat(Disparity.of(0.625, 0.5, t)).isEqualTo(new Disparity(1.25, 0.125, false));
        assertThat(Disparity.of(0.7, 0.5, t).flag()).isTrue();
        assertThat(Disparity.of(0.2, 0, t)).isEqualTo(new Disparity(Double.POSITIVE_INFINITY, 0.2, true));
        assertThat(Disparity.of(0, 0, t)).isEqualTo(new Disparity(Double.NaN, 0, false));
        assertThat(Disparity.of(Double.NaN, 0.5, t)).isEqualTo(new Disparity(Double.NaN, Double.NaN, false));
    }

    @Test
    void ratiosFromCountsAreExactSoBoundaryRatiosAreNotFlagged() {
        // FPR 3/5 against 1/5 is 3; TPR 5/5 against 4/5 is exactly 1.25, on the band's edge.
        ConfusionCounts group = new ConfusionCounts(5, 3, 2, 0);
        ConfusionCounts reference = new ConfusionCounts(4, 1, 4, 1);
        assertThat(Disparity.between(group, reference, AuditedRate.FPR, Tolerance.DEFAULT))
                .isEqualTo(new Disparity(3, 0.4, true));
        assertThat(Disparity.between(group, reference, AuditedRate.TPR, Tolerance.DEFAULT))
                .isEqualTo(new Disparity(1.25, 0.2, false));
        assertThat(Disparity.between(group, new ConfusionCounts(0, 0, 3, 0), AuditedRate.TPR, Tolerance.DEFAULT))
                .isEqualTo(new Disparity(Double.NaN, Double.NaN, false));
    }

    @Test
    void parsesTheToleranceAndRejectsBandsWithoutOne() {
        assertThat(Tolerance.parse("0.8, 1.25")).isEqualTo(Tolerance.DEFAULT);
        assertThatThrownBy(() -> Tolerance.parse("1.1,1.5")).hasMessageContaining("0 < lower <= 1 <= upper");
        assertThatThrownBy(() -> Tolerance.parse("0.8")).hasMessageContaining("two numbers");
        assertThatThrownBy(() -> Tolerance.parse("a,b")).hasMessageContaining("two numbers");
    }

    @Provide
    Arbitrary<Cases> cases() {
        return Cases.withTies().filter(c -> c.scores().length > 0);
    }

    @Property
    void groupsPartitionTheCasesAndTheReferenceComparesEquallyWithItself(@ForAll("cases") Cases c) {
        String[] g = new String[c.scores().length];
        for (int i = 0; i < g.length; i++) {
            g[i] = i % 4 == 3 ? "" : String.valueOf((char) ('a' + (int) (c.scores()[i] * 8) % 3));
        }
        FairnessReport r = FairnessAudit.at(0.5).run(c.scores(), c.labels(), column("g", g));
        assertThat(r.groups().stream().mapToInt(GroupResult::n).sum()).isEqualTo(g.length);
        assertThat(r.groups().stream().mapToInt(x -> x.tp() + x.fn()).sum()).isEqualTo(c.positives());
        assertThat(r.groups()).filteredOn(GroupResult::reference).singleElement().satisfies(ref ->
                assertThat(ref.disparities().values()).allSatisfy(d -> {
                    assertThat(d.flag()).isFalse();
                    assertThat(d.difference()).isIn(0.0, Double.NaN);
                }));
    }
}
