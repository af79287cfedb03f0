package org.mimamori.model.encoding;

/** How a {@link CaseEncoder} turns numeric items into features. */
public enum EncodingStyle {
    /**
     * The scorecard: every input item becomes a one-hot set of states (a quantile bin, a category, yes, no,
     * unknown, not applicable), so that exactly one feature per item is active and a linear model over them
     * is an additive, piecewise effect per item.
     */
    SCORECARD,
    /**
     * Raw values for comparison models: numbers standardised by the training mean and standard deviation,
     * categories one-hot, plus unknown and not-applicable indicators; a missing number is simply absent.
     */
    RAW
}
