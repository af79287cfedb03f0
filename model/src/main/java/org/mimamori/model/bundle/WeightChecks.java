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
import org.mimamori.model.schema.LocalizedText;
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
            f.add(e, "スキーマ " + state.schemaId() + " 用に学習されていますが、schema.yaml は " + schema.id() + " です",
                    "was fitted for schema " + state.schemaId() + ", but schema.yaml is " + schema.id());
        }
        if (state.style() != EncodingStyle.SCORECARD) {
            f.add(e, state.style() + " エンコーディングを使っていますが、スコアカードには scorecard エンコーディングが必要です",
                    "uses the " + state.style() + " encoding, but a scorecard needs the scorecard encoding");
        }
        Map<String, EncoderState.ItemState> learned = new HashMap<>();
        for (EncoderState.ItemState s : state.items()) {
            if (s == null || s.item() == null) {
                f.add(e, "名前のない項目があります", "lists an item without a name");
            } else if (learned.put(s.item(), s) != null) {
                f.add(e, "項目 " + s.item() + " が 2 回以上あります", "lists item " + s.item() + " more than once");
            } else if (schema.inputs().stream().noneMatch(i -> i.id().equals(s.item()))) {
                f.add(e, "項目 " + s.item() + " がありますが、スキーマの入力項目ではありません",
                        "lists item " + s.item() + ", which is not an input item of the schema");
            }
        }
        for (Item item : schema.inputs()) {
            EncoderState.ItemState s = learned.get(item.id());
            if (s == null) {
                f.add(e, "入力項目 " + item.id() + " について学習した内容がありません",
                        "has nothing learned for the input item " + item.id());
            } else if (s.cuts() == null) {
                f.add(e, item.id() + " のビンの区切りがありません", "has no bin cuts for " + item.id());
            } else if (s.cuts().length > 0 && !item.type().isNumeric()) {
                f.add(e, item.id() + " のビンの区切りがありますが、" + item.id() + " は数値の項目ではありません",
                        "has bin cuts for " + item.id() + ", which is not a number item");
            } else if (!increasing(s.cuts())) {
                f.add(e, item.id() + " のビンの区切りが、小さい順に並んだ重複のない有限の数値ではありません",
                        "the bin cuts of " + item.id() + " are not finite, strictly increasing numbers");
            }
        }
        if (f.count() > before) {
            return null;
        }
        try {
            return CaseEncoder.restore(schema, state);
        } catch (IllegalArgumentException ex) {
            f.add(e, "エンコーダーを復元できません：" + EntryJson.ja(ex), ex.getMessage());
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
        Numbers.check(f, e, "切片", "the bias", s.bias());
        Numbers.check(f, e, "基準値", "the baseline", s.baseline());
        List<Item> inputs = encoder.inputItems();
        double[] means = s.itemMeans();
        if (means == null || means.length != inputs.size()) {
            int n = means == null ? 0 : means.length;
            f.add(e, "入力項目 " + inputs.size() + " 個に対して、項目の平均重みが " + n + " 個あります",
                    "has " + n + " item means for " + inputs.size() + " input items");
            means = null;
        } else {
            for (int k = 0; k < means.length; k++) {
                Numbers.check(f, e, inputs.get(k).id() + " の平均重み", "the mean weight of " + inputs.get(k).id(),
                        means[k]);
            }
        }
        double[] weights = weights(encoder, s.weights(), e, new LocalizedText("", ""), f);
        if (f.count() > before) {
            return null;
        }
        Scorecard card = new Scorecard(encoder, weights, s.bias(), means);
        if (!Numbers.close(card.baseline(), s.baseline(), 1e-9)) {
            f.add(e, "基準値 " + s.baseline() + " が、切片と各項目の平均重みの合計（" + card.baseline() + "）と一致しません",
                    "the baseline " + s.baseline() + " is not the bias plus the items' mean weights (" + card.baseline()
                    + ")");
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
                f.add(e, inputs.get(k).id() + " の平均重み（" + means[k] + "）がその状態の重みの範囲外にあるため、"
                        + "学習事例での平均ではありえません", "the mean weight of " + inputs.get(k).id() + " (" + means[k]
                        + ") lies outside the weights of its states, so it cannot be their mean over the training "
                        + "cases");
            }
        }
        return f.count() > before ? null : card;
    }

    /**
     * One weight per encoder feature from named weights; records missing, unknown and repeated ones, each after
     * {@code member} (empty, or e.g. {@code member 1: } / {@code メンバー 1：}).
     */
    private static double[] weights(CaseEncoder encoder, List<ScorecardJson.FeatureWeight> named, String e,
                                    LocalizedText member, Findings f) {
        double[] out = new double[encoder.features().size()];
        String ja = member.ja();
        String en = member.en();
        if (named == null || named.isEmpty()) {
            f.add(e, ja + "重みがありません", en + "lists no weights");
            return out;
        }
        boolean[] seen = new boolean[out.length];
        for (ScorecardJson.FeatureWeight fw : named) {
            EncodedFeature feature = fw == null || fw.feature() == null ? null : encoder.feature(fw.feature());
            if (feature == null) {
                f.add(e, ja + (fw == null ? "特徴量の指定のない重みがあります" : fw.feature() + " の重みがありますが、"
                        + fw.feature() + " はエンコーダーの状態ではありません"), en + "has a weight for "
                        + (fw == null ? "nothing" : fw.feature()) + ", which is not a state of the encoder");
            } else if (seen[feature.index()]) {
                LocalizedText label = Numbers.label(feature);
                f.add(e, ja + label.ja() + "の重みが二つあります", en + "has two weights for " + label.en());
            } else {
                seen[feature.index()] = true;
                out[feature.index()] = fw.weight();
                LocalizedText label = Numbers.label(feature);
                Numbers.check(f, e, ja + label.ja() + "の重み", en + "the weight of " + label.en(), fw.weight());
            }
        }
        for (EncodedFeature feature : encoder.features()) {
            if (!seen[feature.index()]) {
                LocalizedText label = Numbers.label(feature);
                f.add(e, ja + label.ja() + "の重みがありません", en + "has no weight for " + label.en());
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
            f.add(e, "特徴量、切片、重みが必要です", "needs its features, biases and weights");
            return null;
        }
        Set<String> names = new HashSet<>();
        for (String name : features) {
            if (name == null || encoder.feature(name) == null) {
                f.add(e, "特徴量 " + name + " がありますが、エンコーダーの状態ではありません",
                        "lists the feature " + name + ", which is not a state of the encoder");
            } else if (!names.add(name)) {
                f.add(e, "特徴量 " + name + " が二度あります", "lists the feature " + name + " twice");
            }
        }
        for (EncodedFeature feature : encoder.features()) {
            if (!names.contains(feature.name())) {
                LocalizedText label = Numbers.label(feature);
                f.add(e, label.ja() + "の重みがありません", "has no weights for " + label.en());
            }
        }
        if (json.biases().length != json.weights().size()) {
            f.add(e, "メンバー " + json.weights().size() + " 個に対して、切片が " + json.biases().length + " 個あります",
                    "has " + json.biases().length + " biases for " + json.weights().size() + " members");
        }
        if (f.count() > before) {
            return null;
        }
        for (int m = 0; m < json.weights().size(); m++) {
            double[] w = json.weights().get(m);
            LocalizedText member = new LocalizedText("メンバー " + (m + 1) + "：", "member " + (m + 1) + ": ");
            Numbers.check(f, e, member.ja() + "切片", member.en() + "the bias", json.biases()[m]);
            if (w == null || w.length != features.size()) {
                int n = w == null ? 0 : w.length;
                f.add(e, "メンバー " + (m + 1) + " の重みは、特徴量 " + features.size() + " 個に対して " + n + " 個です",
                        "member " + (m + 1) + " has " + n + " weights for " + features.size() + " features");
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
