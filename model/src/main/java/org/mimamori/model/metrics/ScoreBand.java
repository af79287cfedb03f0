package org.mimamori.model.metrics;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;

/**
 * One band of calibrated probabilities, from {@code lower} (inclusive) up to the next band's lower bound.
 *
 * @param id      a stable identifier, e.g. {@code moderate}
 * @param lower   the lowest probability in the band, inclusive
 * @param meaning what the band says about similar past cases, in Japanese and English
 * @param review  what the band asks of staff (null only while being read from an older bundle; the bands then
 *                take the default, see {@link BandReview#byDefault})
 */
public record ScoreBand(String id, double lower, LocalizedText meaning, BandReview review) {

    /** A band whose review meaning {@link ScoreBands} decides by default. */
    public ScoreBand(String id, double lower, LocalizedText meaning) {
        this(id, lower, meaning, null);
    }

    /** The same band with another review meaning. */
    public ScoreBand withReview(BandReview r) {
        return new ScoreBand(id, lower, meaning, r);
    }

    /** True when the band is flagged for outreach. */
    public boolean flagged() {
        return review == BandReview.OUTREACH;
    }

    /** Checks the fields. */
    public ScoreBand {
        if (id == null || id.isBlank()) {
            throw new InvalidValueException(new LocalizedText("区分には ID が必要です", "a band needs an id"));
        }
        if (!(lower >= 0 && lower < 1)) {
            throw new InvalidValueException(new LocalizedText("区分「" + id + "」：下限（" + lower + "）は 0 以上 1 未満でなければなりません",
                    "band '" + id + "': lower bound " + lower + " is not in [0, 1)"));
        }
        if (meaning == null) {
            throw new InvalidValueException(new LocalizedText("区分「" + id + "」には意味が必要です",
                    "band '" + id + "' needs a meaning"));
        }
    }
}
