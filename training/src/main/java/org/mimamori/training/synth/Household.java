package org.mimamori.training.synth;

/**
 * One simulated household: its circumstances, what welfare records about it, and two latent states no
 * department records (a neglecting household, a violent household). Siblings share all of it. Immutable.
 *
 * @param index                 position among the part's households (0-based)
 * @param ref                   pseudonymous household reference, e.g. {@code H0000042} ({@code K...} in the cohort)
 * @param childAges             every child's age, oldest first (some may fall outside the written population)
 * @param singleParent          a single-parent household
 * @param foreignNational       a foreign-national household
 * @param teenParent            the parent was a teenager at the first birth
 * @param poor                  below the relative poverty line (latent need type poverty)
 * @param disability            a household member has a disability
 * @param careLevel             the highest long-term-care need level of a member (0 = none, 1–5)
 * @param careServiceUsed       care services are used (meaningful only when {@code careLevel >= 1})
 * @param dvConsultation        a domestic-violence consultation was recorded
 * @param publicAssistance      receives public assistance (only some poor households take it up)
 * @param childRearingAllowance receives child-rearing allowance
 * @param moves                 moves in the last three years
 * @param size                  household members
 * @param neglecting            latent: the children's basic needs go unmet
 * @param violent               latent: violence towards the children
 */
public record Household(int index, String ref, int[] childAges, boolean singleParent, boolean foreignNational,
                        boolean teenParent, boolean poor, boolean disability, int careLevel, boolean careServiceUsed,
                        boolean dvConsultation, boolean publicAssistance, boolean childRearingAllowance, int moves,
                        int size, boolean neglecting, boolean violent) {

    /** Copies the ages. */
    public Household {
        childAges = childAges.clone();
    }

    /** Every child's age, oldest first. */
    @Override
    public int[] childAges() {
        return childAges.clone();
    }

    /** How many of the children other than the one at {@code position} are under 6. */
    public int siblingsUnder6(int position) {
        int n = 0;
        for (int i = 0; i < childAges.length; i++) {
            if (i != position && childAges[i] < 6) {
                n++;
            }
        }
        return n;
    }

    /** A long-term-care need of level 3 or more with no care service: the classic young-carer setting. */
    public boolean heavyCareWithoutService() {
        return careLevel >= 3 && !careServiceUsed;
    }
}
