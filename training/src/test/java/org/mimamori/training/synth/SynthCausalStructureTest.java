package org.mimamori.training.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.value.Value;

/** The causal story holds: needs cause signals (with interactions), and the label is a biased record of need. */
class SynthCausalStructureTest {

    private final SynthTestData.Population pop = SynthTestData.standard();

    private static double share(List<SynthChild> children, Predicate<SynthChild> among, Predicate<SynthChild> what) {
        List<SynthChild> group = children.stream().filter(among).toList();
        assertThat(group).isNotEmpty();
        return group.stream().filter(what).count() / (double) group.size();
    }

    @Test
    void heavyCareWithoutServiceMakesYoungCarersWhoMissSchool() {
        Predicate<SynthChild> juniorHigh = c -> c.child().age() >= 12 && c.child().age() <= 15;
        Predicate<SynthChild> heavyCare = c -> c.household().heavyCareWithoutService();
        Predicate<SynthChild> carer = c -> c.needs().youngCarer();
        double withCare = share(pop.children(), juniorHigh.and(heavyCare), carer);
        double otherwise = share(pop.children(), juniorHigh.and(heavyCare.negate()), carer);
        assertThat(withCare).isGreaterThan(0.4);
        assertThat(withCare).isGreaterThan(8 * otherwise);

        double carerAbsence = meanAbsence(juniorHigh.and(carer).and(c -> !c.needs().schoolRefusal()));
        double otherAbsence = meanAbsence(juniorHigh.and(carer.negate()).and(c -> !c.needs().schoolRefusal()));
        assertThat(carerAbsence).isGreaterThan(2.5 * otherAbsence);
    }

    @Test
    void theDerivedYoungCarerPatternPointsAtYoungCarers() {
        int patternYes = 0;
        int carersAmongYes = 0;
        int patternNo = 0;
        int carersAmongNo = 0;
        for (int i = 0; i < pop.cases().size(); i++) {
            Value pattern = pop.cases().get(i).get("young_carer_pattern");
            boolean carer = pop.children().get(i).needs().youngCarer();
            if (pattern.equals(Value.YES)) {
                patternYes++;
                carersAmongYes += carer ? 1 : 0;
            } else if (pattern.equals(Value.NO) && pop.children().get(i).child().atSchool()) {
                patternNo++;
                carersAmongNo += carer ? 1 : 0;
            }
        }
        assertThat(patternYes).isGreaterThan(50);
        double precision = carersAmongYes / (double) patternYes;
        double baseline = carersAmongNo / (double) patternNo;
        assertThat(precision).isGreaterThan(0.5);
        assertThat(precision).isGreaterThan(15 * baseline);
    }

    @Test
    void schoolAidPaysLunchFeesSoArrearsComeFromPoorFamiliesWithoutAid() {
        Predicate<SynthChild> poorPupil = c -> c.needs().poverty() && !c.needs().neglect() && c.child().atSchool();
        Predicate<SynthChild> arrears = c -> c.value("lunch_fee_arrears_months").number() > 0;
        Predicate<SynthChild> aid = c -> c.value("school_expense_aid").equals(Value.YES);
        assertThat(share(pop.children(), poorPupil.and(aid.negate()), arrears))
                .isGreaterThan(10 * share(pop.children(), poorPupil.and(aid), arrears));
    }

    @Test
    void onlyAssessedChildrenInNeedAreConfirmedAndAssessmentsMissSome() {
        for (int i = 0; i < pop.children().size(); i++) {
            SynthChild c = pop.children().get(i);
            Case recorded = pop.cases().get(i);
            boolean confirmed = recorded.get("need_confirmed_12m").equals(Value.YES);
            assertThat(confirmed).isEqualTo(c.assessment().confirmed());
            if (confirmed) {
                assertThat(c.assessment().assessed()).isTrue();
                assertThat(c.needs().any()).isTrue();
                assertThat(recorded.get("need_type_poverty").isKnown()).isTrue();
                for (int t = 0; t < Needs.TYPES.length; t++) {
                    if (recorded.get("need_type_" + Needs.TYPES[t]).equals(Value.YES)) {
                        assertThat(c.needs().has(t)).isTrue();   // staff record only what is there
                    }
                }
            } else {
                assertThat(recorded.get("need_type_poverty")).isEqualTo(Value.UNKNOWN);
            }
        }
        Predicate<SynthChild> assessedInNeed = c -> c.assessment().assessed() && c.needs().any();
        assertThat(share(pop.children(), assessedInNeed, c -> c.assessment().confirmed()))
                .isCloseTo(SynthConfig.DEFAULT_SENSITIVITY, within(0.03));
    }

    @Test
    void surveillanceBiasConfirmsMoreNeedInKnownFamiliesAndGrowsWithTheBias() {
        double[] knownRate = new double[3];
        double[] unknownRate = new double[3];
        double[] biases = {1.0, 3.0, 6.0};
        for (int b = 0; b < biases.length; b++) {
            List<SynthChild> kids = new SyntheticMunicipality(SynthConfig.of(40_000, 11)
                    .withSurveillanceBias(biases[b])).population();
            knownRate[b] = share(kids, c -> c.needs().any() && c.assessment().known(), c -> c.assessment().confirmed());
            unknownRate[b] = share(kids, c -> c.needs().any() && !c.assessment().known(),
                    c -> c.assessment().confirmed());
        }
        // No bias: a need is as likely to be confirmed whether or not the family is known.
        assertThat(knownRate[0]).isCloseTo(unknownRate[0], within(0.05));
        assertThat(knownRate[1]).isGreaterThan(unknownRate[1] + 0.15);
        assertThat(knownRate[2]).isGreaterThan(knownRate[1] + 0.05);
        // Unknown families are untouched by the bias (common random numbers).
        assertThat(unknownRate[2]).isEqualTo(unknownRate[1]);
    }

    @Test
    void theSurveillanceBiasChangesOnlyTheLabels() {
        List<SynthChild> biased = new SyntheticMunicipality(SynthConfig.of(2_000, 5)).population();
        List<SynthChild> fair = new SyntheticMunicipality(SynthConfig.of(2_000, 5).withSurveillanceBias(1))
                .population();
        for (int i = 0; i < biased.size(); i++) {
            assertThat(fair.get(i).needs()).isEqualTo(biased.get(i).needs());
            assertThat(fair.get(i).value("absence_days_term")).isEqualTo(biased.get(i).value("absence_days_term"));
            assertThat(fair.get(i).value("prior_consultations")).isEqualTo(biased.get(i).value("prior_consultations"));
        }
    }

    @Test
    void theDesignTableListsExactlyWhatTheGeneratorProduces() {
        assertThat(pop.children().get(0).values().keySet()).containsExactlyInAnyOrderElementsOf(ItemDesign.GENERATED);
        assertThat(ItemDesign.all().stream().map(ItemDesign::item).distinct().count())
                .isEqualTo(ItemDesign.all().size());
    }

    private double meanAbsence(Predicate<SynthChild> among) {
        return pop.children().stream().filter(among).mapToDouble(c -> c.value("absence_days_term").number())
                .average().orElseThrow();
    }
}
