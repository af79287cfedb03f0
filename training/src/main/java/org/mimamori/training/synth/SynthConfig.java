package org.mimamori.training.synth;

/**
 * Everything that shapes one synthetic municipality. The same configuration always gives the same children.
 *
 * @param children              how many children the labelled population has
 * @param seed                  the seed every random stream is derived from
 * @param cohort                how many further, unlabelled children to simulate from the same process (0 = none)
 * @param surveillanceBias      odds multiplier of being assessed when the family is already known to services
 *                              (1 = no bias)
 * @param assessmentSensitivity the chance that an assessment of a child in need confirms the need
 * @param missingRates          how often recorded model inputs go missing
 * @param shift                 drift of what is recorded (shifted items, departments gone missing); {@link Shift#NONE}
 *                              for the municipality as it is
 */
public record SynthConfig(int children, long seed, int cohort, double surveillanceBias,
                          double assessmentSensitivity, MissingRates missingRates, Shift shift) {

    /** Known families are three times as likely (in odds) to be assessed. */
    public static final double DEFAULT_SURVEILLANCE_BIAS = 3.0;
    /** One in seven needs is missed even when assessed. */
    public static final double DEFAULT_SENSITIVITY = 0.85;

    /** Checks the values. */
    public SynthConfig {
        if (children < 1) {
            throw new IllegalArgumentException("children must be at least 1, got " + children);
        }
        if (cohort < 0) {
            throw new IllegalArgumentException("cohort must not be negative, got " + cohort);
        }
        if (!(surveillanceBias > 0) || Double.isInfinite(surveillanceBias)) {
            throw new IllegalArgumentException("surveillance bias must be a positive odds multiplier, got "
                    + surveillanceBias);
        }
        if (!(assessmentSensitivity > 0 && assessmentSensitivity <= 1)) {
            throw new IllegalArgumentException("assessment sensitivity must be in (0, 1], got "
                    + assessmentSensitivity);
        }
        if (missingRates == null) {
            throw new IllegalArgumentException("missing rates are required");
        }
        if (shift == null) {
            throw new IllegalArgumentException("a shift is required (Shift.NONE for none)");
        }
    }

    /** A configuration without drift. */
    public SynthConfig(int children, long seed, int cohort, double surveillanceBias, double assessmentSensitivity,
                       MissingRates missingRates) {
        this(children, seed, cohort, surveillanceBias, assessmentSensitivity, missingRates, Shift.NONE);
    }

    /** The defaults for a population of this size and seed, with no cohort. */
    public static SynthConfig of(int children, long seed) {
        return new SynthConfig(children, seed, 0, DEFAULT_SURVEILLANCE_BIAS, DEFAULT_SENSITIVITY, MissingRates.DEFAULT);
    }

    /** The same configuration with a cohort of this size. */
    public SynthConfig withCohort(int n) {
        return new SynthConfig(children, seed, n, surveillanceBias, assessmentSensitivity, missingRates, shift);
    }

    /** The same configuration with another surveillance bias. */
    public SynthConfig withSurveillanceBias(double bias) {
        return new SynthConfig(children, seed, cohort, bias, assessmentSensitivity, missingRates, shift);
    }

    /** The same configuration with other missing rates. */
    public SynthConfig withMissingRates(MissingRates rates) {
        return new SynthConfig(children, seed, cohort, surveillanceBias, assessmentSensitivity, rates, shift);
    }

    /** The same configuration with drift of what is recorded. */
    public SynthConfig withShift(Shift s) {
        return new SynthConfig(children, seed, cohort, surveillanceBias, assessmentSensitivity, missingRates, s);
    }
}
