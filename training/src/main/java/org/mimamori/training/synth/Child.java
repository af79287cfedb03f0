package org.mimamori.training.synth;

/**
 * One simulated child's own circumstances, drawn before the needs because they cause some of them.
 *
 * @param position            the child's position in its household (0 = oldest)
 * @param age                 age in years, 0–17
 * @param siblingsUnder6      siblings under 6 in the household
 * @param bullied             bullied at school (ages 6–15; a cause of school refusal, and it is reported)
 * @param postnatalDepression the mother screened at or over the EPDS cut-off (ages 0–1)
 */
public record Child(int position, int age, int siblingsUnder6, boolean bullied, boolean postnatalDepression) {

    /** School ages, when the board of education records attendance. */
    public boolean atSchool() {
        return age >= 6 && age <= 15;
    }

    /** Pre-school ages, when maternal and child health and childcare record. */
    public boolean preSchool() {
        return age <= 5;
    }
}
