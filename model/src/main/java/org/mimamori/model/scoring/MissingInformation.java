package org.mimamori.model.scoring;

import java.util.List;
import java.util.Map;

import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.schema.Item;
import org.mimamori.model.value.Value;

/**
 * What the model could not see, quantified exactly. Each unrecorded item that could change the score (or raise
 * a red flag) is listed with the range by which recording it could move the logit, others left as they are; for
 * the case as a whole, {@code ifRecorded}: the lowest and highest estimate over every way of recording all of
 * them together. The model is additive, so these ranges are exact: items that move the logit only through their
 * own state contribute their lowest and highest recorded-state weight against the unknown state's weight; items
 * tied together (a derived item and its sources, an item and what its applicability reads) are enumerated
 * jointly over every value where the outcome can change (bin edges and the constants the schema's expressions
 * compare with).
 *
 * @param items            the unrecorded items, most able to change the band first ("check these next")
 * @param logitLow         the lowest logit any recording of them gives
 * @param logitHigh        the highest
 * @param low              the calibrated probability at {@code logitLow}
 * @param high             the calibrated probability at {@code logitHigh}
 * @param bandLow          the band of {@code low}
 * @param bandHigh         the band of {@code high}
 * @param redFlagPossible  true when recording an unrecorded item could raise a red flag, which stands above any
 *                         score
 * @param exact            false only when a group of tied items had too many joint values to enumerate and
 *                         the range is an outer bound
 * @param lowest           a recording of the items that gives {@code logitLow} (item id to value)
 * @param highest          a recording that gives {@code logitHigh}
 */
public record MissingInformation(List<MissingItem> items, double logitLow, double logitHigh, double low,
                                 double high, ScoreBand bandLow, ScoreBand bandHigh, boolean redFlagPossible,
                                 boolean exact, Map<String, Value> lowest, Map<String, Value> highest) {

    /** Nothing is missing. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * One unrecorded item.
     *
     * @param item      the item (an input, the source of a derived input, or a red-flag item)
     * @param logitLow  the largest fall of the logit recording it alone could bring (≤ 0)
     * @param logitHigh the largest rise (≥ 0)
     * @param low       the calibrated probability after the largest fall
     * @param high      the calibrated probability after the largest rise
     * @param bandLow   the band of {@code low}
     * @param bandHigh  the band of {@code high}
     * @param redFlag   true when recording it could raise a red flag
     */
    public record MissingItem(Item item, double logitLow, double logitHigh, double low, double high,
                              ScoreBand bandLow, ScoreBand bandHigh, boolean redFlag) {
    }
}
