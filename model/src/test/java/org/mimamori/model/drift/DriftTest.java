package org.mimamori.model.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.drift.DriftReport.Kind;
import org.mimamori.model.drift.DriftReport.Level;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.scoring.TrainingReference;
import org.mimamori.model.value.Value;

/** Drift figures and warnings on made-up windows: unchanged, shifted, a department gone, too small. */
class DriftTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();
    private static final List<Case> TRAINING = cases(4000, 1, m -> m);
    private static final CaseEncoder ENCODER = CaseEncoder.fit(SCHEMA, TRAINING, EncodingStyle.SCORECARD,
            BinSettings.DEFAULT);
    private static final TrainingReference REFERENCE = TrainingReference.of(ENCODER, TRAINING);

    private static List<Case> cases(int n, long seed, UnaryOperator<Map<String, Value>> change) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Value> m = new HashMap<>();
            m.put("age_years", Value.of(r.nextInt(6, 16)));
            m.put("absence_days_term", r.nextInt(20) == 0 ? Value.UNKNOWN
                    : Value.of(r.nextInt(10) < 7 ? 0 : r.nextInt(1, 40)));
            m.put("prior_consultations", Value.of(r.nextInt(4)));
            m.put("child_rearing_allowance", Value.of(r.nextInt(5) == 0));
            out.add(Case.resolve(SCHEMA, change.apply(m)));
        }
        return out;
    }

    private static DriftReport report(List<Case> cases, DriftThresholds t) {
        DriftWindow w = new DriftWindow(ENCODER);
        for (Case c : cases) {
            w.add(Drift.observe(ENCODER, REFERENCE, c, ENCODER.encode(c)), c.get("age_years").number() > 10 ? "high"
                    : "low");
        }
        return Drift.assess(REFERENCE, w, List.of("low", "high"), t);
    }

    @Test
    void casesLikeTheTrainingCasesRaiseNoWarning() {
        DriftReport r = report(cases(2000, 2, m -> m), DriftThresholds.DEFAULT);
        assertThat(r.enough()).isTrue();
        assertThat(r.warnings()).isEmpty();
        assertThat(item(r, "absence_days_term").psi()).isLessThan(0.02);
        assertThat(item(r, "absence_days_term").unknownRate()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(0.015));
        assertThat(r.bands()).extracting(DriftReport.BandShare::band).containsExactly("low", "high");
        assertThat(r.bands().get(0).share() + r.bands().get(1).share()).isEqualTo(1.0);
    }

    @Test
    void shiftedValuesWarnForThatItemOnly() {
        DriftReport r = report(cases(2000, 3, m -> {
            double a = m.get("absence_days_term").isNumber() ? m.get("absence_days_term").number() : -1;
            if (a >= 0) {
                m.put("absence_days_term", Value.of(a == 0 ? 10 : a * 2));
            }
            return m;
        }), DriftThresholds.DEFAULT);
        assertThat(r.warnings(Kind.PSI)).extracting(DriftReport.DriftWarning::subject)
                .containsExactly("absence_days_term");
        assertThat(r.warnings(Kind.PSI).get(0).level()).isEqualTo(Level.ACT);
        assertThat(r.warnings(Kind.UNKNOWN_ITEM)).isEmpty();
        assertThat(r.warnings(Kind.UNKNOWN_SOURCE)).isEmpty();
        // Doubled absences reach past the largest training value (39).
        assertThat(r.warnings(Kind.OUTSIDE_RANGE)).extracting(DriftReport.DriftWarning::subject)
                .containsExactly("absence_days_term");
        assertThat(r.warnings(Kind.PSI).get(0).message().ja()).contains("PSI");
    }

    @Test
    void aDepartmentGoneMissingWarnsOnceForTheDepartmentNotPerItemNorAsAShift() {
        DriftReport r = report(cases(2000, 4, m -> {
            m.remove("prior_consultations"); // child_family_support_centre
            return m;
        }), DriftThresholds.DEFAULT);
        assertThat(r.warnings()).hasSize(1);
        DriftReport.DriftWarning w = r.warnings().get(0);
        assertThat(w.kind()).isEqualTo(Kind.UNKNOWN_SOURCE);
        assertThat(w.subject()).isEqualTo("child_family_support_centre");
        assertThat(w.level()).isEqualTo(Level.ACT);
        assertThat(w.value()).isEqualTo(1.0);
        DriftReport.SourceDrift s = r.sources().stream()
                .filter(x -> x.source().equals("child_family_support_centre")).findFirst().orElseThrow();
        assertThat(s.items()).contains("prior_consultations");
        assertThat(item(r, "prior_consultations").psi()).isNull();
        // People read the department by its name (the schema's sources label), not by its id.
        assertThat(s.label()).isEqualTo(new LocalizedText("こども家庭センター", "Child and family support centre"));
        assertThat(item(r, "prior_consultations").sourceLabel()).isEqualTo(s.label());
        assertThat(w.message().ja()).startsWith("部署「こども家庭センター」の項目が不明の割合が")
                .doesNotContain("child_family_support_centre");
        assertThat(w.message().en()).startsWith("Items from department 'Child and family support centre'")
                .doesNotContain("child_family_support_centre");
    }

    @Test
    void oneItemGoingMissingWarnsForTheItem() {
        DriftReport r = report(cases(2000, 5, m -> {
            m.put("absence_days_term", Value.UNKNOWN);
            return m;
        }), DriftThresholds.DEFAULT);
        // board_of_education has more items training recorded? Only absences here, so the department warns.
        assertThat(r.warnings(Kind.UNKNOWN_SOURCE).size() + r.warnings(Kind.UNKNOWN_ITEM).size()).isEqualTo(1);
        assertThat(r.warnings(Kind.PSI)).isEmpty();
    }

    @Test
    void belowTheMinimumWindowNothingWarns() {
        DriftReport r = report(cases(150, 6, m -> {
            m.remove("prior_consultations");
            return m;
        }), DriftThresholds.DEFAULT);
        assertThat(r.enough()).isFalse();
        assertThat(r.warnings()).isEmpty();
        assertThat(item(r, "prior_consultations").unknownRate()).isEqualTo(1.0);
    }

    @Test
    void aSmallRiseOfAnUnknownRateIsNotAWarningEvenWhenSignificant() {
        // 5% → 8% unknown: a rise of 3 points, below the 5-point minimum however many cases.
        SplittableRandom extra = new SplittableRandom(9);
        DriftReport r = report(cases(20_000, 7, m -> {
            if (extra.nextInt(100) < 3) {
                m.put("absence_days_term", Value.UNKNOWN);
            }
            return m;
        }), DriftThresholds.DEFAULT);
        assertThat(r.warnings(Kind.UNKNOWN_SOURCE)).isEmpty();
        assertThat(r.warnings(Kind.UNKNOWN_ITEM)).isEmpty();
    }

    @Test
    void countsWithoutTheModalRowsGiveTheSameReport() {
        List<Case> cases = cases(1000, 8, m -> m);
        int[] modal = Drift.modalStates(ENCODER, REFERENCE);
        DriftWindow full = new DriftWindow(ENCODER);
        DriftWindow sparse = new DriftWindow(ENCODER);
        var items = ENCODER.inputItems();
        for (Case c : cases) {
            Observation o = Drift.observe(ENCODER, REFERENCE, c, ENCODER.encode(c));
            full.add(o, null);
            sparse.addScores(1);
            for (int k = 0; k < items.size(); k++) {
                if (o.states()[k] != modal[k] || o.outside()[k]) {
                    sparse.addCounts(items.get(k).id(), o.states()[k], 1, o.outside()[k] ? 1 : 0);
                }
            }
        }
        sparse.completeModal(modal);
        for (int k = 0; k < items.size(); k++) {
            assertThat(sparse.states(k)).as(items.get(k).id()).isEqualTo(full.states(k));
        }
        assertThat(Drift.assess(REFERENCE, sparse, List.of(), DriftThresholds.DEFAULT).items())
                .isEqualTo(Drift.assess(REFERENCE, full, List.of(), DriftThresholds.DEFAULT).items());
    }

    @Test
    void storedObservationsMixedWithOlderSparseRowsGiveTheSameCounts() {
        List<Case> cases = cases(600, 9, m -> m);
        int[] modal = Drift.modalStates(ENCODER, REFERENCE);
        DriftWindow full = new DriftWindow(ENCODER);
        DriftWindow mixed = new DriftWindow(ENCODER);
        var items = ENCODER.inputItems();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Observation o = Drift.observe(ENCODER, REFERENCE, c, ENCODER.encode(c));
            full.add(o, "b" + (i % 3));
            if (i % 2 == 0) { // stored since V20: one packed column per score
                mixed.add(Observation.unpacked(o.packed(), items.size()), "b" + (i % 3));
            } else { // stored before: a row per item not in its modal state
                mixed.addScores(1);
                mixed.addBand("b" + (i % 3), 1);
                for (int k = 0; k < items.size(); k++) {
                    if (o.states()[k] != modal[k] || o.outside()[k]) {
                        mixed.addCounts(items.get(k).id(), o.states()[k], 1, o.outside()[k] ? 1 : 0);
                    }
                }
            }
        }
        mixed.completeModal(modal);
        assertThat(mixed.scores()).isEqualTo(full.scores());
        assertThat(mixed.bands()).isEqualTo(full.bands());
        for (int k = 0; k < items.size(); k++) {
            assertThat(mixed.states(k)).as(items.get(k).id()).isEqualTo(full.states(k));
            assertThat(mixed.outside(k)).as(items.get(k).id()).isEqualTo(full.outside(k));
        }
    }

    private static DriftReport.ItemDrift item(DriftReport r, String id) {
        return r.items().stream().filter(i -> i.item().equals(id)).findFirst().orElseThrow();
    }
}
