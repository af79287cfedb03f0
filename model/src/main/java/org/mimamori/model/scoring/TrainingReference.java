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
 * and not applicable, the range of recorded values, and how often each encoded state occurred; plus the
 * {@link UnusualCaseCheck}. Used to warn about values outside the training range and cases unlike the training
 * data, and later for drift monitoring.
 *
 * @param cases             how many training cases
 * @param items             per input item, in encoder order
 * @param stateFrequencies  per encoder feature, the share of training cases in that state
 * @param unusual           the unusual-case check (counts of recorded states and of pairs of them, thresholds);
 *                          null in bundles made before it existed, which then call no case unusual
 */
public record TrainingReference(int cases, List<ItemReference> items, double[] stateFrequencies,
                                UnusualCaseCheck unusual) {

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
        return of(encoder, cases, cases.stream().map(encoder::encode).toList());
    }

    /** Computes the reference from training cases and their encodings by the encoder (in the same order). */
    public static TrainingReference of(CaseEncoder encoder, List<Case> cases, List<EncodedCase> encoded) {
        if (encoded.size() != cases.size()) {
            throw new IllegalArgumentException("the encoded cases do not match the cases");
        }
        List<Item> inputs = encoder.inputItems();
        double[] freq = new double[encoder.features().size()];
        for (EncodedCase e : encoded) {
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
        return new TrainingReference(cases.size(), items, freq, UnusualCaseCheck.count(encoder, encoded));
    }

    /**
     * The same reference with the unusual-case check fitted to fire on {@code share} of held-out cases.
     *
     * @param heldOut held-out cases, encoded (not the training cases: a check fitted on what it counted would
     *                fire too rarely on new cases)
     * @param share   e.g. {@link UnusualCaseCheck#DEFAULT_SHARE}
     */
    public TrainingReference withUnusualFittedOn(List<EncodedCase> heldOut, double share) {
        return new TrainingReference(cases, items, stateFrequencies, unusual.fittedOn(heldOut, share));
    }

    /** True when a case is unlike the training data (see {@link UnusualCaseCheck}). */
    public boolean isUnusual(EncodedCase e) {
        return unusual != null && unusual.isUnusual(e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingReference t && cases == t.cases && items.equals(t.items)
                && Arrays.equals(stateFrequencies, t.stateFrequencies) && java.util.Objects.equals(unusual, t.unusual);
    }

    @Override
    public int hashCode() {
        return 31 * items.hashCode() + Arrays.hashCode(stateFrequencies);
    }
}
