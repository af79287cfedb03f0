package org.mimamori.model.metrics;

/**
 * One point of a precision–recall curve: flagging every case whose score is at least {@code threshold}.
 *
 * @param threshold the score threshold; {@code +Infinity} for the first point
 * @param recall    TP / (TP + FN), NaN when there are no positives
 * @param precision TP / (TP + FP); 1 by convention at the first point, where nothing is flagged
 */
public record PrPoint(double threshold, double recall, double precision) {
}
