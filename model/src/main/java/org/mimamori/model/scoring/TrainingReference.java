package org.mimamori.model.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.schema.Item;
import org.mimamori.model.value.Value;

/**
 * Statistics of the training inputs, kept in the bundle (no case records): per input item the share unknown
 * and not applicable, the range of recorded values, and how often each encoded state occurred; plus how
 * unusual training cases were. Used to warn about values outside the training range and cases unlike the
 * training data, and later for drift monitoring.
 *
 * @param cases             how many training cases
 * @param items             per input item, in encoder order
 * @param stateFrequencies  per encoder feature, the share of training cases in that state
 * @param rarityThreshold   the 99.5th percentile of training cases' {@linkplain #rarity rarity}
 */
public record TrainingReference(int cases, List<ItemReference> items, double[] stateFrequencies,
                                double rarityThreshold) {

    /** Rarity quantile above which a case counts as unlike the training data. */
    public static final double RARITY_QUANTILE = 0.995;

    /**
     * One item's training statistics.
     *
     * @param item           the item id
     * @param unknownShare   share of training cases where it was unknown
     * @param notApplicableShare share where it did not apply
     * @param min            smallest recorded value (numeric items), or null
     * @param max            largest recorded value (numeric items), or null
     * @param mean           mean recorded value (numeric items), or null
     */
    public record ItemReference(String item, double unknownShare, double notApplicableShare, Double min, Double max,
                                Double mean) {
    }

    /** Computes the reference from training cases. */
    public static TrainingReference of(CaseEncoder encoder, List<Case> cases) {
        List<Item> inputs = encoder.inputItems();
        double[] freq = new double[encoder.features().size()];
        List<EncodedCase> encoded = new ArrayList<>(cases.size());
        for (Case c : cases) {
            EncodedCase e = encoder.encode(c);
            encoded.add(e);
            for (int i : e.indices()) {
                freq[i] += 1.0 / cases.size();
            }
        }
        List<ItemReference> items = new ArrayList<>();
        for (Item item : inputs) {
            int ix = encoder.schema().indexOf(item.id());
            int unknown = 0;
            int na = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int known = 0;
            for (Case c : cases) {
                Value v = c.get(ix);
                if (v.kind() == Value.Kind.UNKNOWN) {
                    unknown++;
                } else if (v.kind() == Value.Kind.NOT_APPLICABLE) {
                    na++;
                } else if (v.isNumber()) {
                    min = Math.min(min, v.number());
                    max = Math.max(max, v.number());
                    sum += v.number();
                    known++;
                }
            }
            boolean numeric = item.type().isNumeric() && known > 0;
            items.add(new ItemReference(item.id(), (double) unknown / cases.size(), (double) na / cases.size(),
                    numeric ? min : null, numeric ? max : null, numeric ? sum / known : null));
        }
        TrainingReference partial = new TrainingReference(cases.size(), items, freq, Double.POSITIVE_INFINITY);
        double[] rarities = encoded.stream().mapToDouble(partial::rarity).sorted().toArray();
        double threshold = rarities.length == 0 ? Double.POSITIVE_INFINITY
                : rarities[(int) Math.min(rarities.length - 1, Math.floor(RARITY_QUANTILE * rarities.length))];
        return new TrainingReference(cases.size(), items, freq, threshold);
    }

    /**
     * How unusual a case is: the sum over items of {@code -log} of the training share of its state (a state
     * never seen in training counts as one case in {@code cases + 1}). Higher is rarer.
     */
    public double rarity(EncodedCase e) {
        double r = 0;
        double floor = 1.0 / (cases + 1);
        for (int i : e.indices()) {
            r -= Math.log(Math.max(stateFrequencies[i], floor));
        }
        return r;
    }

    /** True when a case is rarer than {@value #RARITY_QUANTILE} of training cases. */
    public boolean isUnusual(EncodedCase e) {
        return rarity(e) > rarityThreshold;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingReference t && cases == t.cases && items.equals(t.items)
                && Arrays.equals(stateFrequencies, t.stateFrequencies)
                && Double.compare(rarityThreshold, t.rarityThreshold) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * items.hashCode() + Arrays.hashCode(stateFrequencies);
    }
}
