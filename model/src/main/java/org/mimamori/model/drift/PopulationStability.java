package org.mimamori.model.drift;

/**
 * The population stability index (PSI) of an observed distribution over states against a reference one:
 * {@code PSI = Σ_s (o_s − r_s) · ln(o_s / r_s)}, the symmetric Kullback–Leibler divergence of the two shares.
 * Every term is non-negative (o − r and ln(o/r) share their sign), so PSI ≥ 0, and it is 0 exactly when the
 * distributions are equal.
 *
 * <p><b>Small counts.</b> A state with share 0 on either side would make the logarithm infinite, so every share is
 * floored at {@link #EPSILON} = 0.0001 (one case in ten thousand) before the sum; the shares are not renormalised
 * (the index stays ≥ 0 without it). A state seen in neither distribution adds 0. A state the training data never
 * had but a window of n cases shows k times adds about {@code (k/n)·ln(k/(n·ε))}: for 1 case in 2,000 that is
 * 0.0008, far below any threshold, so single odd cases cannot raise a warning on their own.
 *
 * <p>Customary reading (Siddiqi, credit scoring): below 0.1 no real change, 0.1–0.25 a change worth watching,
 * above 0.25 a shift that needs action. Sampling noise alone gives about {@code (k − 1) / n} for k states and n
 * observed cases (for 8 states and 200 cases 0.035), which is why a minimum window applies
 * ({@link DriftThresholds#minWindow()}).
 */
public final class PopulationStability {

    /** The floor of every share, so that an empty state does not make the index infinite. */
    public static final double EPSILON = 1e-4;

    private PopulationStability() {
    }

    /**
     * PSI of two share vectors over the same states.
     *
     * @param observed  observed shares (summing to 1, or less when some states are left out)
     * @param reference reference shares, same length
     * @return the index, ≥ 0
     */
    public static double psi(double[] observed, double[] reference) {
        if (observed.length != reference.length) {
            throw new IllegalArgumentException("observed and reference have " + observed.length + " and "
                    + reference.length + " states");
        }
        double sum = 0;
        for (int s = 0; s < observed.length; s++) {
            if (observed[s] <= 0 && reference[s] <= 0) {
                continue;
            }
            double o = Math.max(observed[s], EPSILON);
            double r = Math.max(reference[s], EPSILON);
            sum += (o - r) * Math.log(o / r);
        }
        return sum;
    }

    /**
     * PSI of observed counts against reference shares over the same states.
     *
     * @param counts    how often each state was observed
     * @param reference reference shares, same length
     * @return the index, or NaN when nothing was observed
     */
    public static double psi(long[] counts, double[] reference) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] shares = new double[counts.length];
        for (int s = 0; s < counts.length; s++) {
            shares[s] = (double) counts[s] / n;
        }
        return psi(shares, reference);
    }
}
