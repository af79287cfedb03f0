package org.mimamori.model.metrics;

import java.util.function.ToDoubleFunction;

/** The rates the fairness audit compares between groups, with their JSON keys. */
public enum AuditedRate {
    /** Share flagged. */
    SELECTION_RATE("selection_rate", ConfusionCounts::selectionRate),
    /** True-positive rate. */
    TPR("tpr", ConfusionCounts::tpr),
    /** False-positive rate. */
    FPR("fpr", ConfusionCounts::fpr),
    /** False-negative rate. */
    FNR("fnr", ConfusionCounts::fnr),
    /** Positive predictive value. */
    PPV("ppv", ConfusionCounts::ppv);

    private final String key;
    private final ToDoubleFunction<ConfusionCounts> rate;

    AuditedRate(String key, ToDoubleFunction<ConfusionCounts> rate) {
        this.key = key;
        this.rate = rate;
    }

    /** The snake_case key under which the disparity is reported. */
    public String key() {
        return key;
    }

    /** This rate for the given counts. */
    public double of(ConfusionCounts counts) {
        return rate.applyAsDouble(counts);
    }
}
