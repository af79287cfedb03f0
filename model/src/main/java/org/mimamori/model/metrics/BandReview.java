package org.mimamori.model.metrics;

import org.mimamori.model.schema.LocalizedText;

/**
 * What a score band asks of staff — the one place that decides which bands are "flagged". Set when the model is
 * trained and stored with its bands in the bundle; screening counts, the audit's flagged share and whether a
 * decision goes against the band all read it.
 */
public enum BandReview {

    /** Routine: no action is expected; deciding to reach out goes against the band (and needs a reason). */
    ROUTINE(new LocalizedText("通常対応", "Routine")),
    /** Consider: staff judge either way; no decision goes against the band. */
    CONSIDER(new LocalizedText("検討", "Consider")),
    /** Flagged for outreach: deciding not to act goes against the band (and needs a reason). */
    OUTREACH(new LocalizedText("アウトリーチの対象", "Flagged for outreach"));

    private final LocalizedText label;

    BandReview(LocalizedText label) {
        this.label = label;
    }

    /** The review meaning for people. */
    public LocalizedText label() {
        return label;
    }

    /** The lower-case id used in the API, e.g. {@code outreach}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The default meaning of band {@code index} of {@code count} when training does not say: the top 40% of the
     * bands (rounded) are flagged for outreach, the bottom 40% routine, the rest considered; a single band is
     * considered. Five bands: 2 routine, 1 consider, 2 outreach; three: 1, 1, 1; two: 1 routine, 1 outreach.
     */
    public static BandReview byDefault(int index, int count) {
        if (count == 1) {
            return CONSIDER;
        }
        int edge = (int) Math.round(count * 0.4);
        if (index >= count - edge) {
            return OUTREACH;
        }
        return index < edge ? ROUTINE : CONSIDER;
    }
}
