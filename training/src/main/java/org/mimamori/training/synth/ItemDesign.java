package org.mimamori.training.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The generator's design, one entry per item it produces: which need types the item signals, how strongly it
 * was meant to (the effect sizes in {@link SignalModel}, {@link NeedModel} and {@link HouseholdGenerator}
 * were chosen for these strengths) and how it arises. {@link PlantedEffects} measures the realised strength.
 *
 * @param item      the item id (as in the default schema)
 * @param needTypes the need types it signals, separated by {@code ;} (empty when none)
 * @param strength  the intended diagnostic strength
 * @param note      how the generator produces it
 */
public record ItemDesign(String item, String needTypes, Strength strength, String note) {

    /**
     * Intended diagnostic strength of an item for true need, next to the other items: the band its planted
     * effect ({@link PlantedEffects}) was tuned into, for the default schema and missing rates.
     */
    public enum Strength {
        /** Among the best single signals. */
        STRONG,
        /** Clearly informative. */
        MEDIUM,
        /** Slightly informative. */
        WEAK,
        /** Reveals next to nothing beyond what other items already show (whatever its causal links). */
        NONE,
        /** Not a model input in the default schema (audit group, red flag, label, ...). */
        NOT_INPUT
    }

    private static final List<ItemDesign> ALL = List.of(
            d("age_years", "young_carer;school_refusal", Strength.WEAK,
                    "ages 0-17, rising gently with age; young carers from 9, school refusal 7-15 "
                            + "and rising with age"),
            d("household_size", "", Strength.WEAK,
                    "parents + children + a member needing care + sometimes another adult; "
                            + "incidental: fewer adults with a single parent"),
            d("single_parent", "poverty;neglect;abuse", Strength.NOT_INPUT,
                    "audit group; about 45% of single-parent households are poor"),
            d("siblings_under_6", "young_carer", Strength.NONE,
                    "from the household's ages; a weak cause of young carers, who are seen better"
                            + " through absences"),
            d("moves_last_3_years", "poverty;neglect;abuse", Strength.MEDIUM,
                    "Poisson, more for poor, DV, neglecting and violent households"),
            d("foreign_national_household", "poverty", Strength.NOT_INPUT,
                    "audit group, 2.5%"),
            d("public_assistance", "poverty", Strength.NOT_INPUT,
                    "audit group; taken up by only a minority of poor households"),
            d("child_rearing_allowance", "poverty", Strength.STRONG,
                    "single parents: 85% of the poor, 45% of others; two-parent households rarely"),
            d("care_need_level_in_household", "young_carer", Strength.WEAK,
                    "0 for 88.5%; level 3+ for 5.5%; the member needing care lives in"),
            d("care_service_used", "young_carer", Strength.MEDIUM,
                    "used by about two thirds, less by poor, foreign and single-parent households"),
            d("dv_consultation", "abuse", Strength.WEAK,
                    "cause: makes a violent household far more likely (abuse is rare, so the item"
                            + " is weak)"),
            d("disability_in_household", "young_carer;neglect;abuse", Strength.NOT_INPUT,
                    "audit group, 6% (more when poor); a cause of young carers"),
            d("infant_checkups_missed", "neglect", Strength.MEDIUM,
                    "of the check-ups due by age; neglect multiplies the chance of missing one "
                            + "(ages 0-5 only)"),
            d("vaccinations_missed", "neglect", Strength.MEDIUM,
                    "Poisson, neglect multiplies the mean by 5"),
            d("low_birth_weight", "poverty;neglect", Strength.WEAK,
                    "9%, more when poor, neglected or a teen parent"),
            d("postnatal_depression_screen", "neglect;abuse", Strength.WEAK,
                    "cause: raises the infant's risk of neglect and abuse"),
            d("teen_parent", "poverty;neglect;abuse", Strength.WEAK,
                    "cause: raises poverty, neglect and violence"),
            d("absence_days_term", "school_refusal;young_carer;neglect", Strength.STRONG,
                    "over-dispersed counts; school refusal about 28 days, young carers about 10"),
            d("late_days_term", "neglect;young_carer", Strength.MEDIUM,
                    "over-dispersed counts, higher with neglect and caring"),
            d("school_expense_aid", "poverty", Strength.STRONG,
                    "60% of poor families take it up, 7% of the near-poor get it"),
            d("lunch_fee_arrears_months", "poverty;neglect", Strength.STRONG,
                    "interaction: arrears come from poverty without aid (aid pays the fees) or "
                            + "neglect"),
            d("nurse_office_visits_term", "abuse;school_refusal", Strength.WEAK,
                    "over-dispersed counts, higher with abuse, school refusal and bullying"),
            d("low_mood_days_share", "school_refusal;abuse;young_carer", Strength.MEDIUM,
                    "beta-distributed share, rounded to 2 decimals"),
            d("bullying_reported", "school_refusal", Strength.NONE,
                    "cause: 3-5% of pupils, multiplies the odds of school refusal by 7; absences "
                            + "already show it"),
            d("academic_percentile", "school_refusal;neglect;poverty", Strength.NOT_INPUT,
                    "analysis item; lower with need"),
            d("nursery_enrolled", "neglect", Strength.NONE,
                    "by age (15% at 0, 93% at 3-5); a little less with neglect"),
            d("nursery_absence_share", "neglect;abuse", Strength.MEDIUM,
                    "beta-distributed share of days absent, rounded to 2 decimals"),
            d("prior_consultations", "neglect;abuse;school_refusal;young_carer", Strength.STRONG,
                    "about 4% have any; mostly families with a need"),
            d("prior_abuse_reports", "abuse;neglect", Strength.MEDIUM,
                    "about 3% have any in 24 months; 40% of abused children"),
            d("prior_temporary_protection", "abuse", Strength.NONE,
                    "rare; mostly after reports of abuse, which already carry its information"),
            d("child_asked_for_help", "abuse;neglect;young_carer;school_refusal", Strength.NOT_INPUT,
                    "red flag: rare, mostly abused children (age 4+)"),
            d("serious_injury_observed", "abuse;neglect", Strength.NOT_INPUT,
                    "red flag: rare, mostly abused children"),
            d("child_disclosed_violence", "abuse", Strength.NOT_INPUT,
                    "red flag: rare, abused children (age 4+)"),
            d("already_supported", "neglect;abuse", Strength.NOT_INPUT,
                    "already known: about a third of children with prior contact"),
            d(SyntheticMunicipality.LABEL, "poverty;neglect;abuse;young_carer;school_refusal", Strength.NOT_INPUT,
                    "label: true need, assessed (more often when known) and confirmed with "
                            + "imperfect sensitivity"),
            d("need_type_poverty", "poverty", Strength.NOT_INPUT,
                    "staff finding, confirmed positives only"),
            d("need_type_neglect", "neglect", Strength.NOT_INPUT,
                    "staff finding, confirmed positives only"),
            d("need_type_abuse", "abuse", Strength.NOT_INPUT,
                    "staff finding, confirmed positives only"),
            d("need_type_young_carer", "young_carer", Strength.NOT_INPUT,
                    "staff finding, confirmed positives only"),
            d("need_type_school_refusal", "school_refusal", Strength.NOT_INPUT,
                    "staff finding, confirmed positives only"),
            d("young_carer_pattern", "young_carer", Strength.WEAK,
                    "derived by the schema; the generator plants the interaction (care level 3+, "
                            + "no service, absences); rare, so weak for need overall"));

    private static final Map<String, ItemDesign> BY_ID = ALL.stream()
            .collect(Collectors.toMap(ItemDesign::item, x -> x, (a, b) -> a, LinkedHashMap::new));

    /** The ids of the items the generator produces (derived items are computed by the schema instead). */
    public static final Set<String> GENERATED = ALL.stream().map(ItemDesign::item)
            .filter(id -> !id.equals("young_carer_pattern")).collect(Collectors.toUnmodifiableSet());

    private static ItemDesign d(String item, String needTypes, Strength strength, String note) {
        return new ItemDesign(item, needTypes, strength, note);
    }

    /** Every entry, in default-schema order. */
    public static List<ItemDesign> all() {
        return ALL;
    }

    /** The design of an item, if the generator knows it. */
    public static Optional<ItemDesign> of(String item) {
        return Optional.ofNullable(BY_ID.get(item));
    }
}
