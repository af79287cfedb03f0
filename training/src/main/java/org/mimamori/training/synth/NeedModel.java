package org.mimamori.training.synth;

import static org.mimamori.training.synth.Draws.chance;
import static org.mimamori.training.synth.Draws.chanceLogit;
import static org.mimamori.training.synth.HouseholdGenerator.b;

import java.util.SplittableRandom;

/**
 * Draws a child's latent need types from the household's and the child's circumstances. The young-carer
 * interaction lives here: a member with care level 3 or more and no care service makes a young carer many
 * times more likely; the absences it then causes are drawn by {@link SignalModel}.
 */
final class NeedModel {

    private NeedModel() {
    }

    static Needs draw(SplittableRandom r, Household h, Child c) {
        int age = c.age();
        boolean neglect = chance(r, h.neglecting() ? (age < 6 ? 0.9 : 0.75) : 0.002)
                | (c.postnatalDepression() && chance(r, 0.10));
        boolean abuse = chance(r, h.violent() ? 0.7 : 0.001) | (c.postnatalDepression() && chance(r, 0.02));
        boolean youngCarer = false;
        if (age >= 9) {
            double ageTerm = age <= 11 ? -0.4 : age <= 15 ? 0 : 0.1;
            youngCarer = chanceLogit(r, -3.8 + ageTerm
                    + 4.6 * b(h.heavyCareWithoutService())
                    + 2.4 * b(h.careLevel() >= 1 && h.careLevel() <= 2 && !h.careServiceUsed())
                    + 0.9 * b(h.careLevel() >= 3 && h.careServiceUsed())
                    + 1.6 * b(h.disability())
                    + 0.8 * b(c.siblingsUnder6() >= 1) + 0.3 * b(c.siblingsUnder6() >= 2)
                    + 0.6 * b(h.singleParent()) + 0.6 * b(h.foreignNational()) + 0.4 * b(h.poor()));
        }
        boolean schoolRefusal = false;
        if (age >= 7 && age <= 15) {
            double base = age <= 9 ? -4.8 : age <= 12 ? -4.0 : -2.9;
            schoolRefusal = chanceLogit(r, base + 2.0 * b(c.bullied()) + 0.8 * b(neglect) + 0.7 * b(abuse)
                    + 0.4 * b(h.poor()) + 0.5 * b(youngCarer) + 0.3 * b(h.foreignNational()));
        }
        return new Needs(h.poor(), neglect, abuse, youngCarer, schoolRefusal);
    }
}
