package org.mimamori.model.metrics;

/**
 * How one score band performed on labelled cases. The rates are those of flagging every case at or above
 * the band's lower bound ({@code score >= lower}); NaN when undefined (see {@link ConfusionCounts}).
 *
 * @param id            the band's id
 * @param lower         the band's lower bound, inclusive
 * @param upper         the next band's lower bound (exclusive), or 1 (inclusive) for the top band
 * @param n             cases inside the band
 * @param positives     positive cases inside the band
 * @param observedRate  the share of positives inside the band; NaN when the band is empty
 * @param selectionRate the share of all cases in this band or above
 * @param tpr           true-positive rate when flagging at {@code lower}
 * @param fpr           false-positive rate when flagging at {@code lower}
 * @param ppv           positive predictive value when flagging at {@code lower}
 * @param npv           negative predictive value when flagging at {@code lower}
 */
public record BandStats(String id, double lower, double upper, int n, int positives, double observedRate,
        double selectionRate, double tpr, double fpr, double ppv, double npv) {
}
