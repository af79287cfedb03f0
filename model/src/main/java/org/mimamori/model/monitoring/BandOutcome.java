package org.mimamori.model.monitoring;

/**
 * Observed against predicted in one band, over the band's scores with a recorded outcome. When fewer than the
 * minimum group size have an outcome, the figures are suppressed: {@code needConfirmed} is null and the rates
 * and bounds NaN.
 *
 * @param band          the band id
 * @param scored        scores in the band
 * @param assessed      of them, scores with a recorded outcome
 * @param needConfirmed of those, outcomes with a confirmed need (null when suppressed)
 * @param meanPredicted the mean predicted probability of the assessed scores
 * @param observedRate  needConfirmed / assessed: what the mean prediction should match
 * @param lower         the lower bound of the 95% Wilson score interval of the observed rate
 * @param upper         the upper bound
 * @param suppressed    true when fewer than the minimum group size were assessed
 */
public record BandOutcome(String band, int scored, int assessed, Integer needConfirmed, double meanPredicted,
                          double observedRate, double lower, double upper, boolean suppressed) {

    /** observedRate − meanPredicted: positive when the band confirms more need than it predicts. */
    public double gap() {
        return observedRate - meanPredicted;
    }

    /** True when the mean prediction lies outside the interval of the observed rate. */
    public boolean outsideInterval() {
        return !suppressed && (meanPredicted < lower || meanPredicted > upper);
    }
}
