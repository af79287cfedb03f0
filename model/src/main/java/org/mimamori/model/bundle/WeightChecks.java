package org.mimamori.model.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.encoding.EncoderState;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.scoring.BootstrapEnsemble;
import org.mimamori.model.scoring.Scorecard;

/**
 * Checks the shapes and numbers of the encoder, the scorecard and the ensemble: one learned entry per input
 * item with increasing finite cuts; exactly one usable weight for every item state, no unknown or repeated
 * states; a baseline that is the bias plus the item means; the same states in every ensemble member.
 */
final class WeightChecks {

    private WeightChecks() {
    }

    /** The encoder, or null when its state does not fit the schema. */
    static CaseEncoder encoder(FeatureSchema schema, EncoderState state, Findings f) {
        String e = ModelBundle.ENCODER;
        int before = f.count();
        if (!schema.id().equals(state.schemaId())) {
            f.add(e, "was fitted for schema " + state.schemaId() + ", but schema.yaml is " + schema.id());
        }
        if (state.style() != EncodingStyle.SCORECARD) {
            f.add(e, "uses the " + state.style() + " encoding, but a scorecard needs the scorecard encoding");
        }
        Map<String, EncoderState.ItemState> learned = new HashMap<>();
        for (EncoderState.ItemState s : state.items()) {
            if (s == null || s.item() == null) {
                f.add(e, "lists an item without a name");
            } else if (learned.put(s.item(), s) != null) {
                f.add(e, "lists item " + s.item() + " more than once");
            } else if (schema.inputs().stream().noneMatch(i -> i.id().equals(s.item()))) {
                f.add(e, "lists item " + s.item() + ", which is not an input item of the schema");
            }
        }
        for (Item item : schema.inputs()) {
            EncoderState.ItemState s = learned.get(item.id());
            if (s == null) {
                f.add(e, "has nothing learned for the input item " + item.id());
            } else if (s.cuts() == null) {
                f.add(e, "has no bin cuts for " + item.id());
            } else if (s.cuts().length > 0 && !item.type().isNumeric()) {
                f.add(e, "has bin cuts for " + item.id() + ", which is not a number item");
            } else if (!increasing(s.cuts())) {
                f.add(e, "the bin cuts of " + item.id() + " are not finite, strictly increasing numbers");
            }
        }
        if (f.count() > before) {
            return null;
        }
        try {
            return CaseEncoder.restore(schema, state);
        } catch (IllegalArgumentException ex) {
            f.add(e, ex.getMessage());
            return null;
        }
    }

    private static boolean increasing(double[] cuts) {
        for (int i = 0; i < cuts.length; i++) {
            if (!Double.isFinite(cuts[i]) || (i > 0 && !(cuts[i] > cuts[i - 1]))) {
                return false;
            }
        }
        return true;
    }

    /** The scorecard, or null when a weight is missing, repeated, unknown or not a usable number. */
    static Scorecard scorecard(CaseEncoder encoder, ScorecardJson s, Findings f) {
        String e = ModelBundle.SCORECARD;
        int before = f.count();
        Numbers.check(f, e, "the bias", s.bias());
        Numbers.check(f, e, "the baseline", s.baseline());
        List<Item> inputs = encoder.inputItems();
        double[] means = s.itemMeans();
        if (means == null || means.length != inputs.size()) {
            f.add(e, "has " + (means == null ? 0 : means.length) + " item means for " + inputs.size()
                    + " input items");
            means = null;
        } else {
            for (int k = 0; k < means.length; k++) {
                Numbers.check(f, e, "the mean weight of " + inputs.get(k).id(), means[k]);
            }
        }
        double[] weights = weights(encoder, s.weights(), e, "", f);
        if (f.count() > before) {
            return null;
        }
        Scorecard card = new Scorecard(encoder, weights, s.bias(), means);
        if (!Numbers.close(card.baseline(), s.baseline(), 1e-9)) {
            f.add(e, "the baseline " + s.baseline() + " is not the bias plus the items' mean weights ("
                    + card.baseline() + ")");
        }
        for (int k = 0; k < inputs.size(); k++) {
            int[] range = encoder.featureRange(k);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = range[0]; i < range[1]; i++) {
                lo = Math.min(lo, weights[i]);
                hi = Math.max(hi, weights[i]);
            }
            if (means[k] < lo - 1e-9 * Math.max(1, Math.abs(lo)) || means[k] > hi + 1e-9 * Math.max(1, Math.abs(hi))) {
                f.add(e, "the mean weight of " + inputs.get(k).id() + " (" + means[k] + ") lies outside the weights "
                        + "of its states, so it cannot be their mean over the training cases");
            }
        }
        return f.count() > before ? null : card;
    }

    /** One weight per encoder feature from named weights; records missing, unknown and repeated ones. */
    private static double[] weights(CaseEncoder encoder, List<ScorecardJson.FeatureWeight> named, String e,
                                    String member, Findings f) {
        double[] out = new double[encoder.features().size()];
        if (named == null || named.isEmpty()) {
            f.add(e, member + "lists no weights");
            return out;
        }
        boolean[] seen = new boolean[out.length];
        for (ScorecardJson.FeatureWeight fw : named) {
            EncodedFeature feature = fw == null || fw.feature() == null ? null : encoder.feature(fw.feature());
            if (feature == null) {
                f.add(e, member + "has a weight for " + (fw == null ? "nothing" : fw.feature())
                        + ", which is not a state of the encoder");
            } else if (seen[feature.index()]) {
                f.add(e, member + "has two weights for " + Numbers.label(feature));
            } else {
                seen[feature.index()] = true;
                out[feature.index()] = fw.weight();
                Numbers.check(f, e, member + "the weight of " + Numbers.label(feature), fw.weight());
            }
        }
        for (EncodedFeature feature : encoder.features()) {
            if (!seen[feature.index()]) {
                f.add(e, member + "has no weight for " + Numbers.label(feature));
            }
        }
        return out;
    }

    /** The ensemble, or null when its members do not hold one usable weight for every encoder state. */
    static BootstrapEnsemble ensemble(CaseEncoder encoder, EnsembleJson json, Findings f) {
        String e = ModelBundle.ENSEMBLE;
        int before = f.count();
        List<String> features = json.features();
        if (features == null || json.biases() == null || json.weights() == null) {
            f.add(e, "needs its features, biases and weights");
            return null;
        }
        Set<String> names = new HashSet<>();
        for (String name : features) {
            if (name == null || encoder.feature(name) == null) {
                f.add(e, "lists the feature " + name + ", which is not a state of the encoder");
            } else if (!names.add(name)) {
                f.add(e, "lists the feature " + name + " twice");
            }
        }
        for (EncodedFeature feature : encoder.features()) {
            if (!names.contains(feature.name())) {
                f.add(e, "has no weights for " + Numbers.label(feature));
            }
        }
        if (json.biases().length != json.weights().size()) {
            f.add(e, "has " + json.biases().length + " biases for " + json.weights().size() + " members");
        }
        if (f.count() > before) {
            return null;
        }
        for (int m = 0; m < json.weights().size(); m++) {
            double[] w = json.weights().get(m);
            String member = "member " + (m + 1) + ": ";
            Numbers.check(f, e, member + "the bias", json.biases()[m]);
            if (w == null || w.length != features.size()) {
                f.add(e, "member " + (m + 1) + " has " + (w == null ? 0 : w.length) + " weights for " + features.size()
                        + " features");
                continue;
            }
            List<ScorecardJson.FeatureWeight> named = new ArrayList<>(w.length);
            for (int i = 0; i < w.length; i++) {
                named.add(new ScorecardJson.FeatureWeight(features.get(i), null, null, null, w[i]));
            }
            weights(encoder, named, e, member, f);
        }
        return f.count() > before ? null : json.toEnsemble(encoder);
    }
}
