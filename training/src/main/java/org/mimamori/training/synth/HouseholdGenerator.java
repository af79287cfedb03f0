package org.mimamori.training.synth;

import static org.mimamori.training.synth.Draws.chance;
import static org.mimamori.training.synth.Draws.chanceLogit;
import static org.mimamori.training.synth.Draws.logit;
import static org.mimamori.training.synth.Draws.pick;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Draws households and their children's own circumstances. Rates follow public Japanese figures where they
 * exist (child poverty about 11%, single-parent poverty about 45%, about one child in ten in a single-parent
 * household, low take-up of public assistance); the rest are plausible and documented in {@code docs/data.md}.
 */
final class HouseholdGenerator {

    /** Children per household: 1, 2, 3, 4. */
    private static final double[] CHILDREN = {0.30, 0.47, 0.19, 0.04};
    /** Years between siblings: 1–5. */
    private static final double[] GAP = {0.20, 0.35, 0.25, 0.12, 0.08};
    /**
     * Age of the oldest child, 0–17: fitted so that, with younger siblings added, children's ages rise gently
     * from age 0 to 17 as births in Japan have fallen.
     */
    private static final double[] OLDEST_AGE = {0.0436, 0.0444, 0.0451, 0.0459, 0.0466, 0.0474, 0.0483, 0.0493,
        0.0503, 0.0513, 0.0516, 0.0501, 0.0466, 0.0478, 0.0518, 0.0687, 0.0968, 0.1144};
    /** Highest care-need level in the household: 0 (none) to 5. */
    private static final double[] CARE_LEVEL = {0.885, 0.035, 0.025, 0.025, 0.018, 0.012};

    private HouseholdGenerator() {
    }

    /** Draws one household, whose reference starts with {@code refPrefix}; see {@link #child} for its children. */
    static Household household(SplittableRandom r, int index, String refPrefix) {
        int planned = pick(r, CHILDREN) + 1;
        int[] ages = new int[planned];
        int n = 0;
        int age = pick(r, OLDEST_AGE);
        while (n < planned && age >= 0) {
            ages[n++] = age;
            age -= pick(r, GAP) + 1;
        }
        ages = Arrays.copyOf(ages, n);
        boolean manyChildren = n >= 3;

        boolean single = chance(r, 0.06 + 0.006 * ages[0]);
        boolean foreign = chance(r, 0.025);
        boolean teen = chance(r, single ? 0.07 : 0.02);
        // About 45% of single-parent and 7% of two-parent households are poor: 11% of children overall.
        boolean poor = chanceLogit(r, -2.75 + 2.4 * b(single) + 1.0 * b(foreign) + 0.7 * b(teen)
                + 0.25 * b(manyChildren));
        boolean disability = chanceLogit(r, logit(0.06) + 0.5 * b(poor));
        int careLevel = pick(r, CARE_LEVEL);
        // Poorer, foreign and single-parent households take up care services less often.
        boolean careService = careLevel >= 1 && chanceLogit(r, logit(0.65) + 0.2 * (careLevel - 2)
                - 0.8 * b(poor) - 0.8 * b(foreign) - 0.4 * b(single));
        boolean dv = chanceLogit(r, logit(0.025) + 1.0 * b(single) + 0.6 * b(poor) + 0.5 * b(teen));
        // Non-take-up: most poor households receive no public assistance.
        boolean assistance = poor && chanceLogit(r, logit(0.10) + 0.9 * b(single) + 0.8 * b(disability));
        boolean allowance = single ? chance(r, poor ? 0.85 : 0.45) : chance(r, poor ? 0.02 : 0.002);

        boolean neglecting = chanceLogit(r, -3.9 + 1.1 * b(poor) + 0.5 * b(single) + 0.8 * b(teen)
                + 0.6 * b(disability) + 0.3 * b(foreign) + 0.4 * b(manyChildren));
        boolean violent = chanceLogit(r, -4.6 + 2.2 * b(dv) + 0.6 * b(poor) + 0.4 * b(single) + 0.6 * b(teen)
                + 0.4 * b(disability));
        int moves = Math.min(20, Draws.poisson(r, 0.2 * Math.exp(0.5 * b(poor) + 0.6 * b(single) + 0.8 * b(dv)
                + 0.5 * b(foreign) + 0.6 * b(neglecting) + 0.8 * b(violent))));
        int size = (single ? 1 : 2) + n + (careLevel >= 1 ? 1 : 0) + (chance(r, 0.06) ? 1 : 0);
        String ref = String.format(Locale.ROOT, "%s%07d", refPrefix, index + 1);
        return new Household(index, ref, ages, single, foreign, teen, poor, disability, careLevel, careService, dv,
                assistance, allowance, moves, size, neglecting, violent);
    }

    /** Draws the circumstances of the household's child at {@code position}. */
    static Child child(SplittableRandom r, Household h, int position) {
        int age = h.childAges()[position];
        boolean bullied = false;
        if (age >= 6 && age <= 15) {
            double base = age <= 9 ? 0.05 : age <= 12 ? 0.04 : 0.03;
            bullied = chanceLogit(r, logit(base) + 0.5 * b(h.foreignNational()) + 0.3 * b(h.poor()));
        }
        boolean postnatal = age <= 1 && chanceLogit(r, logit(0.09) + 0.4 * b(h.poor()) + 0.5 * b(h.singleParent())
                + 0.9 * b(h.dvConsultation()) + 0.5 * b(h.teenParent()));
        return new Child(position, age, h.siblingsUnder6(position), bullied, postnatal);
    }

    /** 1 for true, 0 for false: keeps the linear predictors readable. */
    static double b(boolean x) {
        return x ? 1 : 0;
    }
}
