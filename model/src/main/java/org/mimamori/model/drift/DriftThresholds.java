package org.mimamori.model.drift;

/**
 * When drift figures raise a warning. A warning must be rare enough to mean something: every rule needs a
 * minimum window, a size of effect that matters in practice and, for rates, a change too large to be chance.
 *
 * @param minWindow          fewest scores in a window before any warning (below it figures are shown, never
 *                           warned about); also the fewest recorded values of an item before its PSI or its
 *                           out-of-range share can warn
 * @param psiWatch           PSI from which an item's recorded values are worth watching (0.1)
 * @param psiAct             PSI from which they need action (0.25)
 * @param unknownRiseWatch   absolute rise of an unknown rate over the reference worth watching (0.05 = five
 *                           percentage points)
 * @param unknownRiseAct     absolute rise that needs action (0.20)
 * @param unknownZ           the one-sided z a rise must also reach: (p − p₀) / √(p₀(1 − p₀)/n) ≥ 3.29, a chance
 *                           of about 1 in 2,000 under no change
 * @param outsideRangeWatch  share of an item's recorded values outside the training range worth watching (0.01)
 * @param outsideRangeAct    share that needs action (0.05)
 * @param outsideRangeMin    fewest values outside the range before a warning (5)
 */
public record DriftThresholds(int minWindow, double psiWatch, double psiAct, double unknownRiseWatch,
                              double unknownRiseAct, double unknownZ, double outsideRangeWatch,
                              double outsideRangeAct, int outsideRangeMin) {

    /** The documented defaults (docs/models.md, "Drift and data quality"). */
    public static final DriftThresholds DEFAULT = new DriftThresholds(200, 0.1, 0.25, 0.05, 0.20, 3.29, 0.01, 0.05,
            5);

    /** Checks the values. */
    public DriftThresholds {
        if (minWindow < 1) {
            throw new IllegalArgumentException("the minimum window must be at least 1, got " + minWindow);
        }
        if (!(psiWatch > 0 && psiAct >= psiWatch)) {
            throw new IllegalArgumentException("PSI thresholds must be positive, watch ≤ act");
        }
        if (!(unknownRiseWatch > 0 && unknownRiseAct >= unknownRiseWatch && unknownZ >= 0)) {
            throw new IllegalArgumentException("unknown-rate thresholds must be positive, watch ≤ act");
        }
        if (!(outsideRangeWatch > 0 && outsideRangeAct >= outsideRangeWatch && outsideRangeMin >= 1)) {
            throw new IllegalArgumentException("out-of-range thresholds must be positive, watch ≤ act");
        }
    }

    /** The same thresholds with another minimum window. */
    public DriftThresholds withMinWindow(int n) {
        return new DriftThresholds(n, psiWatch, psiAct, unknownRiseWatch, unknownRiseAct, unknownZ,
                outsideRangeWatch, outsideRangeAct, outsideRangeMin);
    }
}
