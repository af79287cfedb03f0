package org.mimamori.model.monitoring;

import org.mimamori.model.metrics.Disparity;

/**
 * The model's flags and staff decisions in one audit group: the scores whose value of {@code column} is
 * {@code value}. A group with fewer scores than the minimum group size shows nothing but that it is
 * suppressed; its decision figures are suppressed as well when fewer than the minimum group size were decided.
 *
 * @param column              the audit-group item
 * @param value               the value; {@value OutcomeMonitor#UNKNOWN} when not recorded
 * @param scored              scores in the group (null when suppressed)
 * @param flaggedShare        share of them in a band flagged for outreach (NaN when suppressed)
 * @param decided             scores with a decision (null when suppressed)
 * @param outreachShare       share of the decided scores whose latest decision acts (outreach or assessment)
 * @param overrideRate        share of the decided scores whose latest decision goes against the band
 * @param flaggedDisparity    the flagged share against the reference group's: what the model does
 * @param outreachDisparity   the outreach share against the reference group's: what staff do
 * @param reference           whether this is the column's reference group (its largest shown known group)
 * @param suppressed          fewer scores than the minimum group size
 * @param decisionsSuppressed fewer decisions than the minimum group size (also true when suppressed)
 */
public record GroupOutcome(String column, String value, Integer scored, double flaggedShare, Integer decided,
                           double outreachShare, double overrideRate, Disparity flaggedDisparity,
                           Disparity outreachDisparity, boolean reference, boolean suppressed,
                           boolean decisionsSuppressed) {
}
