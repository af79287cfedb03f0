package org.mimamori.model.bundle;

import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
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
            f.add(e, "学習事例を " + r.cases() + " 件としていますが、学習済みのモデルには 1 件以上あるはずです",
                    "counts " + r.cases() + " training cases; a trained model has at least one");
        }
        unusual(encoder, r, f);
        List<Item> inputs = encoder.inputItems();
        List<TrainingReference.ItemReference> items = r.items();
        double[] freq = r.stateFrequencies();
        List<EncodedFeature> features = encoder.features();
        if (items == null || items.size() != inputs.size()) {
            int n = items == null ? 0 : items.size();
            f.add(e, n + " 項目の統計がありますが、エンコーダーの入力項目は " + inputs.size() + " 個です",
                    "has statistics for " + n + " items, but the encoder has " + inputs.size() + " input items");
            items = null;
        }
        if (freq == null || freq.length != features.size()) {
            int n = freq == null ? 0 : freq.length;
            f.add(e, "状態の割合が " + n + " 個ありますが、エンコーダーの状態は " + features.size() + " 個です",
                    "has " + n + " state shares for the encoder's " + features.size() + " states");
            freq = null;
        } else {
            for (EncodedFeature feature : features) {
                if (!share(freq[feature.index()])) {
                    LocalizedText label = Numbers.label(feature);
                    f.add(e, label.ja() + "の割合は [0, 1] の範囲の数値ではありません",
                            "the share of " + label.en() + " is not a number in [0, 1]");
                }
            }
        }
        for (int k = 0; items != null && k < inputs.size(); k++) {
            String id = inputs.get(k).id();
            TrainingReference.ItemReference ir = items.get(k);
            if (ir == null || !id.equals(ir.item())) {
                f.add(e, "項目 " + (k + 1) + (ir == null ? " がありません（エンコーダーでは " + id + " です）"
                        : " は " + ir.item() + " ですが、エンコーダーでは " + id + " です"), "item " + (k + 1) + " is "
                        + (ir == null ? "missing" : ir.item()) + ", but the encoder's is " + id);
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
                    f.add(e, id + " の状態の割合の合計が 1 ではなく " + sum + " です",
                            "the state shares of " + id + " add up to " + sum + ", not 1");
                }
                if (Math.abs(freq[range[1] - 2] - ir.unknownShare()) > TOLERANCE
                        || Math.abs(freq[range[1] - 1] - ir.notApplicableShare()) > TOLERANCE) {
                    f.add(e, id + " の「不明」と「該当なし」の割合が、それらの状態の割合と異なります",
                            "the unknown and not-applicable shares of " + id + " differ from those states' shares");
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
            f.add(e, "学習データと異なる事例の判定に使う件数が、エンコーダーの記録された状態 " + states + " 個と合いません",
                    "the unusual-case counts do not match the encoder's " + states + " recorded states");
        }
        if (u.cases() != r.cases()) {
            f.add(e, "学習データと異なる事例の判定は " + u.cases() + " 件を数えていますが、学習事例は " + r.cases()
                    + " 件です", "the unusual-case check counted " + u.cases() + " cases, not the " + r.cases()
                    + " trained on");
        }
        if (Double.isNaN(u.valueThreshold()) || u.valueThreshold() < 0 || Double.isNaN(u.pairThreshold())
                || u.pairThreshold() < 0) {
            f.add(e, "学習データと異なる事例の判定のしきい値に、0 以上の数値でないものがあります",
                    "an unusual-case threshold is not a number of at least 0");
        }
        if (!(u.share() >= 0 && u.share() < 1)) {
            f.add(e, "学習データと異なる事例の割合 " + u.share() + " が [0, 1) の範囲にありません",
                    "the unusual-case share " + u.share() + " is not in [0, 1)");
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
            f.add(e, id + " の「不明」と「該当なし」の割合が、合計 1 以下の [0, 1] の範囲の割合になっていません",
                    "the unknown and not-applicable shares of " + id + " are not shares in [0, 1] adding up to at "
                    + "most 1");
        }
        boolean any = ir.min() != null || ir.max() != null || ir.mean() != null;
        if (!any) {
            return;
        }
        if (!item.type().isNumeric()) {
            f.add(e, id + " の範囲がありますが、" + id + " は数値の項目ではありません",
                    "has a range for " + id + ", which is not a number item");
        } else if (ir.min() == null || ir.max() == null || ir.mean() == null
                || !Double.isFinite(ir.min()) || !Double.isFinite(ir.max()) || !Double.isFinite(ir.mean())
                || ir.min() > ir.max() || ir.mean() < ir.min() - TOLERANCE || ir.mean() > ir.max() + TOLERANCE) {
            f.add(e, id + " の範囲が、最小値 <= 平均値 <= 最大値 を満たす有限の数値ではありません",
                    "the range of " + id + " is not finite numbers with smallest <= mean <= largest");
        }
    }
}
