package org.mimamori.model.scoring;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.schema.Tier;
import org.mimamori.model.value.Value;

/** The warning codes and the checks that raise them. */
public final class Warnings {

    /** A core item is unknown: the model cannot see it. */
    public static final String CORE_ITEM_UNKNOWN = "core_item_unknown";
    /** More input items are unknown than {@link ScoringSettings#maxUnknownShare()} allows. */
    public static final String MANY_ITEMS_UNKNOWN = "many_items_unknown";
    /** A value lies outside the range seen in training. */
    public static final String OUTSIDE_TRAINING_RANGE = "outside_training_range";
    /** The case as a whole is unlike the training data. */
    public static final String UNUSUAL_CASE = "unusual_case";
    /** A value was sent for an item that does not apply to this child; it was ignored. */
    public static final String NOT_APPLICABLE_BUT_GIVEN = "not_applicable_but_given";
    /** The uncertainty interval is too wide: no number is given. */
    public static final String INTERVAL_TOO_WIDE = "interval_too_wide";

    private Warnings() {
    }

    /** Every warning about the inputs of a case (the interval check is done by the scorer). */
    static List<Warning> about(Case c, EncodedCase e, List<Item> inputs, List<EncodedFeature> features,
                               TrainingReference reference, ScoringSettings settings) {
        List<Warning> out = new ArrayList<>();
        int unknown = 0;
        for (int k = 0; k < inputs.size(); k++) {
            Item item = inputs.get(k);
            Value v = c.get(item.id());
            if (v.kind() == Value.Kind.UNKNOWN) {
                unknown++;
                if (item.tier() == Tier.CORE && !item.isDerived()) {
                    out.add(new Warning(CORE_ITEM_UNKNOWN, item.id(), new LocalizedText(
                            "基本項目「" + item.label().ja() + "」が不明です。推定はこの項目を考慮できていません。",
                            "Core item '" + item.label().en() + "' is unknown: the estimate cannot take it into account.")));
                }
            } else if (v.isNumber()) {
                TrainingReference.ItemReference ref = reference.items().get(k);
                if (ref.min() != null && (v.number() < ref.min() || v.number() > ref.max())) {
                    out.add(new Warning(OUTSIDE_TRAINING_RANGE, item.id(), new LocalizedText(
                            "「" + item.label().ja() + "」の値 " + v + " は学習データの範囲（" + Value.of(ref.min())
                                    + "〜" + Value.of(ref.max()) + "）の外です。",
                            "'" + item.label().en() + "' is " + v + ", outside the range seen in training ("
                                    + Value.of(ref.min()) + " to " + Value.of(ref.max()) + ").")));
                }
            }
        }
        if (!inputs.isEmpty() && (double) unknown / inputs.size() > settings.maxUnknownShare()) {
            out.add(new Warning(MANY_ITEMS_UNKNOWN, null, new LocalizedText(
                    "入力項目 " + inputs.size() + " 件中 " + unknown + " 件が不明です。推定の根拠が限られています。",
                    unknown + " of " + inputs.size() + " input items are unknown: the estimate rests on little.")));
        }
        UnusualCaseCheck.Finding finding = reference.unusual() == null ? null : reference.unusual().finding(e);
        if (finding != null) {
            out.add(unusual(finding, features, c.schema()));
        }
        FeatureSchema schema = c.schema();
        for (String id : c.notApplicableButGiven()) {
            Item item = schema.item(id).orElseThrow();
            out.add(new Warning(NOT_APPLICABLE_BUT_GIVEN, id, new LocalizedText(
                    "「" + item.label().ja() + "」はこの子どもには該当しない（" + item.applicability().forWhom().ja()
                            + "）ため、送られた値は使っていません。",
                    "'" + item.label().en() + "' does not apply to this child (" + item.applicability().forWhom().en()
                            + "), so the value sent was not used.")));
        }
        return out;
    }

    /** What makes the case unlike the training data: a value or a combination that (almost) never occurred. */
    private static Warning unusual(UnusualCaseCheck.Finding f, List<EncodedFeature> features, FeatureSchema schema) {
        EncodedFeature a = features.get(f.first());
        LocalizedText la = schema.item(a.item()).map(Item::label).orElse(LocalizedText.of(a.item()));
        if (f.second() < 0) {
            return new Warning(UNUSUAL_CASE, a.item(), new LocalizedText(
                    "この事例の「" + la.ja() + "：" + a.label().ja() + "」は学習データにほとんどない値です。推定は慎重に扱ってください。",
                    "This case's '" + la.en() + ": " + a.label().en() + "' hardly occurred in the cases the model "
                            + "learned from: treat the estimate with extra care."));
        }
        EncodedFeature b = features.get(f.second());
        LocalizedText lb = schema.item(b.item()).map(Item::label).orElse(LocalizedText.of(b.item()));
        return new Warning(UNUSUAL_CASE, a.item(), new LocalizedText(
                "この事例の組み合わせ（「" + la.ja() + "：" + a.label().ja() + "」と「" + lb.ja() + "：" + b.label().ja()
                        + "」）は学習データでほとんど見られません。推定は慎重に扱ってください。",
                "This case combines '" + la.en() + ": " + a.label().en() + "' with '" + lb.en() + ": "
                        + b.label().en() + "', which hardly occurred together in the cases the model learned from: "
                        + "treat the estimate with extra care."));
    }

    /** The warning that replaces a number whose interval is too wide. */
    static Warning intervalTooWide(double low, double high) {
        String range = Math.round(low * 100) + "%–" + Math.round(high * 100) + "%";
        return new Warning(INTERVAL_TOO_WIDE, null, new LocalizedText(
                "推定の幅（" + range + "）が広すぎるため、信頼できる数値を示せません。項目の記録を確認し、専門職の判断を優先してください。",
                "The estimate's interval (" + range + ") is too wide: no reliable number can be given. Check the "
                        + "recorded items and rely on professional judgement."));
    }
}
