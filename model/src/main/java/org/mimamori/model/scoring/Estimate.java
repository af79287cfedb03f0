package org.mimamori.model.scoring;

import org.mimamori.model.metrics.ScoreBand;

/**
 * A calibrated estimate: the share of similar past cases in which staff confirmed a need, with the
 * interval it could take had other past cases been in the training data, and its band.
 *
 * @param probability the calibrated probability
 * @param low         the interval's lower end
 * @param high        the interval's upper end
 * @param band        the band of {@code probability}
 */
public record Estimate(double probability, double low, double high, ScoreBand band) {
}
