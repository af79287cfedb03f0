package org.mimamori.model.metrics;

import java.util.function.ToIntFunction;

/** The rates the fairness audit compares between groups, as count ratios, with their JSON keys. */
public enum AuditedRate {
    /** Share flagged: (TP + FP) / n. */
    SELECTION_RATE("selection_rate", ConfusionCounts::flagged, ConfusionCounts::n),
    /** True-positive rate: TP / (TP + FN). */
    TPR("tpr", ConfusionCounts::tp, ConfusionCounts::positives),
    /** False-positive rate: FP / (FP + TN). */
    FPR("fpr", ConfusionCounts::fp, ConfusionCounts::negatives),
    /** False-negative rate: FN / (TP + FN). */
    FNR("fnr", ConfusionCounts::fn, ConfusionCounts::positives),
    /** Positive predictive value: TP / (TP + FP). */
    PPV("ppv", ConfusionCounts::tp, ConfusionCounts::flagged);

    private final String key;
    private final ToIntFunction<ConfusionCounts> numerator;
    private final ToIntFunction<ConfusionCounts> denominator;

    AuditedRate(String key, ToIntFunction<ConfusionCounts> numerator, ToIntFunction<ConfusionCounts> denominator) {
        this.key = key;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The snake_case key under which the disparity is reported. */
    public String key() {
        return key;
    }

    /** The count above the fraction bar. */
    public int numerator(ConfusionCounts counts) {
        return numerator.applyAsInt(counts);
    }

    /** The count below the fraction bar. */
    public int denominator(ConfusionCounts counts) {
        return denominator.applyAsInt(counts);
    }

    /** This rate for the given counts; NaN when the denominator is 0. */
    public double of(ConfusionCounts counts) {
        return Inputs.rate(numerator(counts), denominator(counts));
    }
}
