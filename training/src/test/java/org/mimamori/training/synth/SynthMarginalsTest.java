package org.mimamori.training.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.Role;
import org.mimamori.model.value.Value;

/** The synthetic municipality looks like a Japanese municipality where public figures exist. */
class SynthMarginalsTest {

    private final SynthTestData.Population pop = SynthTestData.standard();

    private double share(Predicate<SynthChild> among, Predicate<SynthChild> what) {
        List<SynthChild> group = pop.children().stream().filter(among).toList();
        assertThat(group).isNotEmpty();
        return group.stream().filter(what).count() / (double) group.size();
    }

    @Test
    void povertyIsAboutElevenPerCentAndConcentratedInSingleParentHouseholds() {
        assertThat(share(c -> true, c -> c.needs().poverty())).isCloseTo(0.11, within(0.02));
        assertThat(share(c -> true, c -> c.household().singleParent())).isBetween(0.08, 0.15);
        assertThat(share(c -> c.household().singleParent(), c -> c.needs().poverty())).isBetween(0.35, 0.55);
    }

    @Test
    void aboutFivePerCentOfJuniorHighPupilsAreYoungCarers() {
        assertThat(share(c -> c.child().age() >= 12 && c.child().age() <= 15, c -> c.needs().youngCarer()))
                .isCloseTo(0.05, within(0.015));
        assertThat(share(c -> c.child().age() < 9, c -> c.needs().youngCarer())).isZero();
    }

    @Test
    void aFewPerCentHadPriorConsultationsAndAlreadySupportedFollowsPriorContact() {
        Predicate<SynthChild> prior = c -> c.value("prior_consultations").number() > 0;
        assertThat(share(c -> true, prior)).isBetween(0.02, 0.08);
        Predicate<SynthChild> contact = prior.or(c -> c.value("prior_abuse_reports").number() > 0);
        Predicate<SynthChild> supported = c -> c.value("already_supported").equals(Value.YES);
        assertThat(share(contact, supported)).isGreaterThan(0.25);
        assertThat(share(contact.negate(), supported)).isLessThan(0.01);
    }

    @Test
    void manyPoorFamiliesTakeUpNoAid() {
        Predicate<SynthChild> poor = c -> c.needs().poverty();
        assertThat(share(poor, c -> c.household().publicAssistance())).isBetween(0.05, 0.35);
        assertThat(share(poor.and(c -> c.child().atSchool()), c -> c.value("school_expense_aid").equals(Value.YES)))
                .isBetween(0.5, 0.8);
        assertThat(share(poor.negate(), c -> c.household().publicAssistance())).isZero();
    }

    @Test
    void redFlagsAreRareAndMostlyAbuseOrNeglect() {
        for (String flag : List.of("child_asked_for_help", "serious_injury_observed", "child_disclosed_violence")) {
            Predicate<SynthChild> raised = c -> c.value(flag).equals(Value.YES);
            assertThat(share(c -> true, raised)).as(flag).isBetween(0.0005, 0.01);
            assertThat(share(raised, c -> c.needs().abuse() || c.needs().neglect())).as(flag).isGreaterThan(0.5);
            assertThat(share(c -> c.needs().abuse(), raised)).as(flag)
                    .isGreaterThan(10 * share(c -> !c.needs().any(), raised));
        }
    }

    @Test
    void siblingsShareTheirHouseholdsItems() {
        List<SynthChild> kids = pop.children();
        int pairs = 0;
        for (int i = 1; i < kids.size(); i++) {
            SynthChild a = kids.get(i - 1);
            SynthChild b = kids.get(i);
            if (a.household().ref().equals(b.household().ref())) {
                pairs++;
                for (String id : List.of("single_parent", "public_assistance", "child_rearing_allowance",
                        "household_size", "moves_last_3_years", "care_need_level_in_household", "dv_consultation")) {
                    assertThat(b.value(id)).as(id).isEqualTo(a.value(id));
                }
                assertThat(b.needs().poverty()).isEqualTo(a.needs().poverty());
            }
        }
        assertThat(pairs).isGreaterThan(kids.size() / 4);
    }

    @Test
    void itemsOutsideTheirAgesAreNotApplicable() {
        for (Case c : pop.cases()) {
            int age = (int) c.get("age_years").number();
            Value absence = c.get("absence_days_term");
            if (age < 6 || age > 15) {
                assertThat(absence).isEqualTo(Value.NOT_APPLICABLE);
            } else {
                assertThat(absence.kind()).isIn(Value.Kind.NUMBER, Value.Kind.UNKNOWN);
            }
            assertThat(c.get("infant_checkups_missed").kind() == Value.Kind.NOT_APPLICABLE).isEqualTo(age > 5);
            assertThat(c.get("postnatal_depression_screen").kind() == Value.Kind.NOT_APPLICABLE).isEqualTo(age > 1);
            assertThat(c.get("vaccinations_missed").kind() == Value.Kind.NOT_APPLICABLE).isEqualTo(age > 12);
            if (c.get("care_need_level_in_household").equals(Value.NO)) {
                assertThat(c.get("care_service_used")).isEqualTo(Value.NOT_APPLICABLE);
            }
        }
    }

    @Test
    void recordedInputsGoMissingAtTheConfiguredRatesAndNothingElseDoes() {
        MissingRates rates = MissingRates.DEFAULT.with(Map.of("welfare", 0.30, "optional", 0.12));
        SynthTestData.Population p = SynthTestData.population(SynthConfig.of(40_000, 11).withMissingRates(rates));
        assertThat(unknownShare(p, "absence_days_term")).isCloseTo(0.01, within(0.004));         // core
        assertThat(unknownShare(p, "child_rearing_allowance")).isCloseTo(0.01, within(0.004));   // core, welfare
        assertThat(unknownShare(p, "late_days_term")).isCloseTo(0.12, within(0.012));           // optional
        assertThat(unknownShare(p, "dv_consultation")).isCloseTo(0.30, within(0.015));          // optional, welfare
        assertThat(unknownShare(p, "age_years")).isZero();
        for (Item item : SynthTestData.SCHEMA.items()) {
            if (item.role() != Role.INPUT && item.role() != Role.ANALYSIS && !item.isDerived()) {
                assertThat(unknownShare(p, item.id())).as(item.id()).isZero();
            }
        }
        // The same seed keeps the same children whatever the rates: only missingness changed.
        assertThat(p.children().get(123).values()).isEqualTo(pop.children().get(123).values());
    }

    /** The share of unknown values among the cases the item applies to. */
    private static double unknownShare(SynthTestData.Population p, String item) {
        long applicable = p.cases().stream().filter(c -> c.get(item).kind() != Value.Kind.NOT_APPLICABLE).count();
        long unknown = p.cases().stream().filter(c -> c.get(item).kind() == Value.Kind.UNKNOWN).count();
        return unknown / (double) applicable;
    }
}
