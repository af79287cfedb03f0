package org.mimamori.model.bundle;

import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.schema.Item;
import org.mimamori.model.scoring.TrainingReference;

/**
 * Checks the reference statistics against the encoder: one entry per input item in encoder order, shares in
 * [0, 1], ranges in order, one state share per encoder state, each item's state shares summing to 1, and the
 * unknown and not-applicable shares agreeing with those states' shares.
 */
final class ReferenceCheck {

    private static final double TOLERANCE = 1e-6;

    private ReferenceCheck() {
    }

    /** True when the reference fits the encoder; records every problem found. */
    static boolean check(CaseEncoder encoder, TrainingReference r, Findings f) {
        String e = ModelBundle.REFERENCE;
        int before = f.count();
        if (r.cases() < 1) {
            f.add(e, "counts " + r.cases() + " training cases; a trained model has at least one");
        }
        unusual(encoder, r, f);
        List<Item> inputs = encoder.inputItems();
        List<TrainingReference.ItemReference> items = r.items();
        double[] freq = r.stateFrequencies();
        List<EncodedFeature> features = encoder.features();
        if (items == null || items.size() != inputs.size()) {
            f.add(e, "has statistics for " + (items == null ? 0 : items.size()) + " items, but the encoder has "
                    + inputs.size() + " input items");
            items = null;
        }
        if (freq == null || freq.length != features.size()) {
            f.add(e, "has " + (freq == null ? 0 : freq.length) + " state shares for the encoder's " + features.size()
                    + " states");
            freq = null;
        } else {
            for (EncodedFeature feature : features) {
                if (!share(freq[feature.index()])) {
                    f.add(e, "the share of " + Numbers.label(feature) + " is not a number in [0, 1]");
                }
            }
        }
        for (int k = 0; items != null && k < inputs.size(); k++) {
            String id = inputs.get(k).id();
            TrainingReference.ItemReference ir = items.get(k);
            if (ir == null || !id.equals(ir.item())) {
                f.add(e, "item " + (k + 1) + " is " + (ir == null ? "missing" : ir.item()) + ", but the encoder's is "
                        + id);
                continue;
            }
            item(ir, inputs.get(k), f);
            if (freq != null) {
                int[] range = encoder.featureRange(k);
                double sum = 0;
                for (int i = range[0]; i < range[1]; i++) {
                    sum += freq[i];
                }
                if (Math.abs(sum - 1) > TOLERANCE) {
                    f.add(e, "the state shares of " + id + " add up to " + sum + ", not 1");
                }
                if (Math.abs(freq[range[1] - 2] - ir.unknownShare()) > TOLERANCE
                        || Math.abs(freq[range[1] - 1] - ir.notApplicableShare()) > TOLERANCE) {
                    f.add(e, "the unknown and not-applicable shares of " + id + " differ from those states' shares");
                }
            }
        }
        return f.count() == before;
    }

    /** The unusual-case check's counts fit the encoder, and its thresholds and share are numbers in range. */
    private static void unusual(CaseEncoder encoder, TrainingReference r, Findings f) {
        String e = ModelBundle.REFERENCE;
        var u = r.unusual();
        if (u == null) {
            return;
        }
        int states = 0;
        for (int k = 0; k < encoder.inputItems().size(); k++) {
            int[] range = encoder.featureRange(k);
            states += range[1] - range[0] - 2;
        }
        int m = u.valueFeatures() == null ? -1 : u.valueFeatures().length;
        if (m != states || u.stateCounts() == null || u.stateCounts().length != m || u.pairCounts() == null
                || u.pairCounts().length != (long) m * (m - 1) / 2) {
            f.add(e, "the unusual-case counts do not match the encoder's " + states + " recorded states");
        }
        if (u.cases() != r.cases()) {
            f.add(e, "the unusual-case check counted " + u.cases() + " cases, not the " + r.cases() + " trained on");
        }
        if (Double.isNaN(u.valueThreshold()) || u.valueThreshold() < 0 || Double.isNaN(u.pairThreshold())
                || u.pairThreshold() < 0) {
            f.add(e, "an unusual-case threshold is not a number of at least 0");
        }
        if (!(u.share() >= 0 && u.share() < 1)) {
            f.add(e, "the unusual-case share " + u.share() + " is not in [0, 1)");
        }
    }

    /** A share in [0, 1], allowing for the rounding of shares summed case by case in training. */
    private static boolean share(double x) {
        return x >= -TOLERANCE && x <= 1 + TOLERANCE;
    }

    private static void item(TrainingReference.ItemReference ir, Item item, Findings f) {
        String e = ModelBundle.REFERENCE;
        String id = ir.item();
        if (!share(ir.unknownShare()) || !share(ir.notApplicableShare())
                || ir.unknownShare() + ir.notApplicableShare() > 1 + TOLERANCE) {
            f.add(e, "the unknown and not-applicable shares of " + id + " are not shares in [0, 1] adding up to at most 1");
        }
        boolean any = ir.min() != null || ir.max() != null || ir.mean() != null;
        if (!any) {
            return;
        }
        if (!item.type().isNumeric()) {
            f.add(e, "has a range for " + id + ", which is not a number item");
        } else if (ir.min() == null || ir.max() == null || ir.mean() == null
                || !Double.isFinite(ir.min()) || !Double.isFinite(ir.max()) || !Double.isFinite(ir.mean())
                || ir.min() > ir.max() || ir.mean() < ir.min() - TOLERANCE || ir.mean() > ir.max() + TOLERANCE) {
            f.add(e, "the range of " + id + " is not finite numbers with smallest <= mean <= largest");
        }
    }
}
