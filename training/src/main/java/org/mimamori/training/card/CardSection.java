package org.mimamori.training.card;

/** The sections of every model card, in order; each heading is given in English and Japanese. */
public enum CardSection {
    /** What the model is and how it was trained. */
    MODEL("Model", "モデル"),
    /** What the model is for and what it must not be used for. */
    INTENDED_USE("Intended use", "想定する用途"),
    /** What the probability is a rate of, and how the label is biased. */
    TARGET("Target and its bias", "予測対象とその偏り"),
    /** Where the data came from and how many rows each step kept. */
    DATA_LINEAGE("Data lineage", "データの来歴"),
    /** Discrimination and calibration on the held-out cases. */
    PERFORMANCE("Performance on the holdout", "検証データでの性能"),
    /** What the interpretable scorecard costs against less interpretable models. */
    PRICE_OF_INTERPRETABILITY("Price of interpretability", "解釈可能性の代償"),
    /** Rates and disparities by audit group. */
    FAIRNESS("Fairness by audit group", "監査グループ別の公平性"),
    /** How many flagged cases were not already supported. */
    SCREENING_VALUE("Screening value", "スクリーニングの価値"),
    /** The scorecard's items, their importance and their states' points. */
    ITEM_WEIGHTS("Item weights", "項目の重み"),
    /** What the model cannot do or see. */
    LIMITATIONS("Limitations", "限界"),
    /** Tribuo provenance of the fitted model. */
    PROVENANCE("Provenance", "来歴情報（Tribuo）");

    private final String english;
    private final String japanese;

    CardSection(String english, String japanese) {
        this.english = english;
        this.japanese = japanese;
    }

    /** The heading as shown in the card of a language, e.g. {@code 1. Model} or {@code 1. モデル}. */
    public String heading(String lang) {
        return (ordinal() + 1) + ". " + ("ja".equals(lang) ? japanese : english);
    }
}
