package org.mimamori.model.encoding;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.value.Value;

/**
 * The features of one input item and how a value activates them. Layout, from {@link #first()}:
 * <ul>
 *   <li>scorecard, numeric: one feature per bin, then unknown, not applicable</li>
 *   <li>scorecard, yes/no: yes, no, unknown, not applicable</li>
 *   <li>any style, categorical: one feature per category, then unknown, not applicable</li>
 *   <li>raw, numeric or yes/no: the value, then unknown, not applicable</li>
 * </ul>
 */
final class ItemCoding {

    private final Item item;
    private final int schemaIndex;
    private final EncodingStyle style;
    private final double[] cuts;
    private final double mean;
    private final double sd;
    private final int first;
    private final int states;

    ItemCoding(Item item, int schemaIndex, EncodingStyle style, EncoderState.ItemState learned, int first) {
        this.item = item;
        this.schemaIndex = schemaIndex;
        this.style = style;
        this.cuts = learned.cuts().clone();
        this.mean = learned.mean() == null ? 0 : learned.mean();
        this.sd = learned.sd() == null ? 1 : learned.sd();
        this.first = first;
        this.states = valueStates();
    }

    /** How many features come before unknown and not applicable. */
    private int valueStates() {
        if (item.type() == ItemType.CATEGORICAL) {
            return item.categories().size();
        }
        if (style == EncodingStyle.RAW) {
            return 1;
        }
        return item.type() == ItemType.YES_NO ? 2 : cuts.length + 1;
    }

    Item item() {
        return item;
    }

    int schemaIndex() {
        return schemaIndex;
    }

    int first() {
        return first;
    }

    int count() {
        return states + 2;
    }

    double[] cuts() {
        return cuts;
    }

    List<EncodedFeature> features() {
        List<EncodedFeature> out = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            out.add(valueState(out.size(), s));
        }
        out.add(feature(out.size(), "unknown", new LocalizedText("不明", "unknown")));
        out.add(feature(out.size(), "not_applicable", new LocalizedText("該当なし", "not applicable")));
        return out;
    }

    private EncodedFeature feature(int offset, String state, LocalizedText label) {
        return new EncodedFeature(first + offset, item.id() + EncodedFeature.SEPARATOR + state, item.id(), state,
                label);
    }

    /** The s-th value state. */
    private EncodedFeature valueState(int offset, int s) {
        if (item.type() == ItemType.CATEGORICAL) {
            String c = item.categories().get(s);
            return feature(offset, "=" + c, item.categoryText(c));
        }
        if (style == EncodingStyle.RAW) {
            return feature(offset, "value", new LocalizedText("値（標準化）", "value (standardised)"));
        }
        if (item.type() == ItemType.YES_NO) {
            return s == 0 ? feature(offset, "yes", new LocalizedText("はい", "yes"))
                    : feature(offset, "no", new LocalizedText("いいえ", "no"));
        }
        return feature(offset, "b" + s, Binning.describe(cuts, s, CaseEncoder.wholeNumbers(item.type()),
                item.min()));
    }

    /** Writes this item's active feature(s) for a value at {@code k}; returns the next free position. */
    int encode(Value v, int[] idx, double[] val, int k) {
        switch (v.kind()) {
            case UNKNOWN -> {
                idx[k] = first + states;
                val[k] = 1;
                return k + 1;
            }
            case NOT_APPLICABLE -> {
                idx[k] = first + states + 1;
                val[k] = 1;
                return k + 1;
            }
            case CATEGORY -> {
                int c = item.categories().indexOf(v.category());
                idx[k] = c < 0 ? first + states : first + c; // an unlisted category cannot pass validation
                val[k] = 1;
                return k + 1;
            }
            default -> {
                double x = v.number();
                if (style == EncodingStyle.RAW) {
                    idx[k] = first;
                    val[k] = (x - mean) / sd;
                    return k + 1;
                }
                idx[k] = first + (item.type() == ItemType.YES_NO ? (x != 0 ? 0 : 1) : Binning.bin(cuts, x));
                val[k] = 1;
                return k + 1;
            }
        }
    }
}
