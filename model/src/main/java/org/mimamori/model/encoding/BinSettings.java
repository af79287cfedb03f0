package org.mimamori.model.encoding;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;

/**
 * How the scorecard encoder bins numeric items.
 *
 * @param maxBins     the most bins per item
 * @param minBinShare the smallest share of an item's recorded values a bin may hold
 * @param minBinCount the fewest cases a bin may hold
 */
public record BinSettings(int maxBins, double minBinShare, int minBinCount) {

    /**
     * The defaults: up to 5 bins, each with at least 0.5% of recorded values and 30 cases. The share is small
     * on purpose: a count that is non-zero for 1–2% of children (e.g. abuse reports) is rare but telling, and
     * must keep a bin of its own; the 30-case floor keeps weights estimable on small data.
     */
    public static final BinSettings DEFAULT = new BinSettings(5, 0.005, 30);

    /** Checks the settings. */
    public BinSettings {
        if (maxBins < 1 || minBinShare < 0 || minBinShare >= 1 || minBinCount < 1) {
            throw new InvalidValueException(new LocalizedText("ビンの設定が正しくありません：" + maxBins + "、"
                    + minBinShare + "、" + minBinCount, "invalid bin settings: " + maxBins + ", " + minBinShare + ", "
                    + minBinCount));
        }
    }
}
