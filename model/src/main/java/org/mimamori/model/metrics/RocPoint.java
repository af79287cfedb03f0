package org.mimamori.model.metrics;

/**
 * One point of a ROC curve: the rates when flagging every case whose score is at least {@code threshold}.
 *
 * @param threshold the score threshold; {@code +Infinity} for the first point, where nothing is flagged
 * @param fpr       false-positive rate FP / (FP + TN), NaN when there are no negatives
 * @param tpr       true-positive rate TP / (TP + FN), NaN when there are no positives
 */
public record RocPoint(double threshold, double fpr, double tpr) {
}
