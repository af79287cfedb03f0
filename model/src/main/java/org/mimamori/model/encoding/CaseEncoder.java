package org.mimamori.model.encoding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.value.Value;

/**
 * The one place where a case becomes model features, used by training and scoring alike. Fitted once on
 * training cases (it learns quantile bins, or means and deviations), then immutable and thread-safe.
 *
 * <p>Only the schema's {@linkplain Item#isInput() input} items are encoded. Unknown and not applicable get
 * features of their own, so they stay distinct, and every feature maps back to its item
 * ({@link EncodedFeature#item()}).
 */
public final class CaseEncoder {

    private final FeatureSchema schema;
    private final EncoderState state;
    private final List<ItemCoding> codings;
    private final List<Item> inputItems;
    private final List<EncodedFeature> features;
    private final Map<String, EncodedFeature> byName;

    private CaseEncoder(FeatureSchema schema, EncoderState state) {
        this.schema = schema;
        this.state = state;
        List<ItemCoding> cs = new ArrayList<>();
        List<EncodedFeature> fs = new ArrayList<>();
        Map<String, EncoderState.ItemState> learned = state.items().stream()
                .collect(Collectors.toMap(EncoderState.ItemState::item, Function.identity()));
        for (Item item : schema.inputs()) {
            EncoderState.ItemState s = learned.get(item.id());
            if (s == null) {
                throw new InvalidValueException(new LocalizedText("エンコーダーの状態に入力項目「" + item.id() + "」がありません",
                        "the encoder state has no entry for input item '" + item.id() + "'"));
            }
            ItemCoding c = new ItemCoding(item, schema.indexOf(item.id()), state.style(), s, fs.size());
            cs.add(c);
            fs.addAll(c.features());
        }
        this.codings = List.copyOf(cs);
        this.inputItems = codings.stream().map(ItemCoding::item).toList();
        this.features = List.copyOf(fs);
        this.byName = features.stream().collect(Collectors.toUnmodifiableMap(EncodedFeature::name, f -> f));
    }

    /**
     * Learns the encoding from training cases.
     *
     * @param schema the schema the cases follow
     * @param cases  the training cases
     * @param style  scorecard bins or raw values
     * @param settings binning settings (ignored for the raw style)
     */
    public static CaseEncoder fit(FeatureSchema schema, List<Case> cases, EncodingStyle style, BinSettings settings) {
        List<EncoderState.ItemState> items = new ArrayList<>();
        for (Item item : schema.inputs()) {
            int index = schema.indexOf(item.id());
            if (!item.type().isNumeric()) {
                items.add(new EncoderState.ItemState(item.id(), new double[0], null, null));
                continue;
            }
            double[] known = cases.stream().map(c -> c.get(index)).filter(Value::isNumber)
                    .mapToDouble(Value::number).toArray();
            if (style == EncodingStyle.SCORECARD) {
                int minCount = Math.max(settings.minBinCount(), (int) Math.ceil(settings.minBinShare() * known.length));
                items.add(new EncoderState.ItemState(item.id(), Binning.cuts(known, settings.maxBins(), minCount),
                        null, null));
            } else {
                double mean = 0;
                for (double x : known) {
                    mean += x;
                }
                mean = known.length == 0 ? 0 : mean / known.length;
                double ss = 0;
                for (double x : known) {
                    ss += (x - mean) * (x - mean);
                }
                double sd = known.length < 2 ? 1 : Math.sqrt(ss / (known.length - 1));
                items.add(new EncoderState.ItemState(item.id(), new double[0], mean, sd > 0 ? sd : 1));
            }
        }
        return new CaseEncoder(schema, new EncoderState(schema.id(), style, items));
    }

    /** Restores a fitted encoder from its saved state (e.g. from a model bundle). */
    public static CaseEncoder restore(FeatureSchema schema, EncoderState state) {
        if (!schema.id().equals(state.schemaId())) {
            throw new InvalidValueException(new LocalizedText("エンコーダーはスキーマ " + state.schemaId() + " 用に学習されています（"
                    + schema.id() + " ではありません）", "encoder was fitted for schema " + state.schemaId() + ", not "
                    + schema.id()));
        }
        return new CaseEncoder(schema, state);
    }

    /** The learned state, to save in a model bundle. */
    public EncoderState state() {
        return state;
    }

    /** The schema. */
    public FeatureSchema schema() {
        return schema;
    }

    /** The encoding style. */
    public EncodingStyle style() {
        return state.style();
    }

    /** Every feature, by position. */
    public List<EncodedFeature> features() {
        return features;
    }

    /** A feature by its Tribuo name, or null. */
    public EncodedFeature feature(String name) {
        return byName.get(name);
    }

    /** The input items, in encoding order; in the scorecard style the k-th has the k-th active feature. */
    public List<Item> inputItems() {
        return inputItems; // asked for several times per scored case: made once
    }

    /** The positions of the features of the k-th input item: {@code [first, first + count)}. */
    public int[] featureRange(int inputPosition) {
        ItemCoding c = codings.get(inputPosition);
        return new int[] {c.first(), c.first() + c.count()};
    }

    /** The learned bin cuts of a numeric input item (empty when it has none). */
    public double[] cuts(String itemId) {
        return codings.stream().filter(c -> c.item().id().equals(itemId)).findFirst()
                .map(c -> c.cuts().clone()).orElseThrow(() -> new IllegalArgumentException("not an input: " + itemId));
    }

    /** Encodes a case. */
    public EncodedCase encode(Case c) {
        int n = codings.size();
        int[] idx = new int[n * 2];
        double[] val = new double[n * 2];
        int k = 0;
        for (ItemCoding coding : codings) {
            k = coding.encode(c.get(coding.schemaIndex()), idx, val, k);
        }
        return new EncodedCase(java.util.Arrays.copyOf(idx, k), java.util.Arrays.copyOf(val, k));
    }

    /** Encodes many cases into one compact block, row by row as {@link #encode} does. */
    public EncodedMatrix encodeAll(List<Case> cases) {
        return EncodedMatrix.of(this, cases);
    }

    /** The names of a case's active features with their values, for Tribuo. */
    public Map<String, Double> namedFeatures(Case c) {
        EncodedCase e = encode(c);
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < e.indices().length; i++) {
            out.put(features.get(e.indices()[i]).name(), e.values()[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** True for item types whose bins are described as whole numbers. */
    static boolean wholeNumbers(ItemType type) {
        return type == ItemType.INTEGER || type == ItemType.ORDINAL;
    }
}
