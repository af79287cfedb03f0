package org.mimamori.model.monitoring;

import org.mimamori.model.metrics.BootstrapInterval;

/**
 * How well the scores ranked the assessed children: the ROC AUC of the probability against the confirmed need,
 * with its bootstrap interval. Suppressed (no interval) when fewer than the minimum group size were assessed or
 * either class has fewer than the minimum class count.
 *
 * @param assessed   scores with a recorded outcome
 * @param positives  of them, with a confirmed need (null when suppressed)
 * @param negatives  of them, without (null when suppressed)
 * @param interval   the AUC and its 95% bootstrap interval, or null when suppressed
 * @param suppressed true when too few to compute
 */
public record AucOutcome(int assessed, Integer positives, Integer negatives, BootstrapInterval interval,
                         boolean suppressed) {
}
