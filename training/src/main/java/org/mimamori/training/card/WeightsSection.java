package org.mimamori.training.card;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.scoring.Scorecard;
import org.mimamori.training.pipeline.ItemImportance;
import org.mimamori.training.pipeline.TrainedModel;

/** Section 9 of the card: the items by importance and the points of each of their states. */
final class WeightsSection {

    private WeightsSection() {
    }

    static void add(CardDocument card, TrainedModel model) {
        Scorecard scorecard = model.scorecard();
        FeatureSchema schema = scorecard.encoder().schema();
        List<ItemImportance> items = model.report().itemImportance();
        card.section(CardSection.ITEM_WEIGHTS);
        card.paragraph(card.t("A case's logit is the baseline plus one contribution per item: logit = baseline + Σ "
                + "contributions. An item's contribution is the points of the state the case is in. Points are "
                + "measured against the average training case: 0 means \"as for the average training case\", "
                + "positive points raise the estimate and negative points lower it. The calibration map then turns "
                + "the logit into the probability shown.", "事例のロジットは、基準値に項目ごとの寄与を一つずつ足したものです："
                + "ロジット＝基準値＋Σ寄与。項目の寄与は、その事例の状態の点数です。点数は学習データの平均的な事例と比べたもので、"
                + "0は「平均的な事例と同じ」、正の点数は推定を上げ、負の点数は下げます。最後に較正で、ロジットを示される確率に変えます。"));
        String baseline = Numbers.fixed(scorecard.baseline(), 3);
        String p = Numbers.rate(1 / (1 + Math.exp(-scorecard.baseline())));
        String intercept = Numbers.fixed(scorecard.bias(), 3);
        card.paragraph(card.t("Baseline (the logit of the average training case): " + baseline + ", an uncalibrated "
                + "probability of " + p + ". Intercept " + intercept + ".", "基準値（学習データの平均的な事例のロジット）："
                + baseline + "、較正前の確率" + p + "。切片" + intercept + "。"));
        card.paragraph(card.t("Items are ordered by importance: the standard deviation of the item's contribution over "
                + "the training cases, in logit units. An item that rarely differs from the average case has little "
                + "importance even if one of its states has many points. Shares are shares of training cases. A state "
                + "not seen in training has no weight of its own: its points only undo the item's average.",
                "項目は重要度の順です。重要度は、学習事例にわたる項目の寄与の標準偏差（ロジット単位）です。平均的な事例とほとんど"
                + "違わない項目は、ある状態の点数が大きくても重要度は小さくなります。割合は学習事例に占める割合です。学習で現れなかった"
                + "状態は独自の重みを持たず、その点数は項目の平均を打ち消すだけです。"));
        card.image(CardPlots.in(CardPlots.ITEM_WEIGHTS, card.lang()), card.t("Horizontal bars of each item's "
                + "importance, largest first", "各項目の重要度の横棒グラフ（大きい順）"));
        List<List<String>> summary = new ArrayList<>();
        int rank = 0;
        for (ItemImportance i : items) {
            summary.add(List.of(Integer.toString(++rank), i.item(), label(schema, i, card),
                    Numbers.fixed(i.importance(), 3)));
        }
        card.table(List.of(card.t("Rank", "順位"), card.t("Item", "項目"), card.t("Label", "ラベル"),
                card.t("Importance (sd, logit)", "重要度（標準偏差、ロジット）")), summary);
        CaseEncoder encoder = scorecard.encoder();
        List<String> inputs = encoder.inputItems().stream().map(Item::id).toList();
        for (ItemImportance i : items) {
            card.subheading(i.item() + " — " + label(schema, i, card) + card.t(" (importance ", "（重要度 ")
                    + Numbers.fixed(i.importance(), 3) + card.t(")", "）"));
            int first = encoder.featureRange(inputs.indexOf(i.item()))[0];
            List<List<String>> states = new ArrayList<>();
            for (int j = 0; j < i.states().size(); j++) {
                ItemImportance.StatePoints s = i.states().get(j);
                String state = card.lang().equals("ja") ? encoder.features().get(first + j).label().ja() : s.state();
                states.add(List.of(state, Numbers.percent(s.share()), Numbers.signed(s.points(), 3),
                        s.share() == 0 ? card.t("not seen in training", "学習で現れず") : ""));
            }
            card.table(List.of(card.t("State", "状態"), card.t("Share of training cases", "学習事例に占める割合"),
                    card.t("Points (logit)", "点数（ロジット）"), card.t("Note", "注記")), states);
        }
    }

    private static String label(FeatureSchema schema, ItemImportance i, CardDocument card) {
        return schema.item(i.item()).map(Item::label).map(card::t).orElse(i.label());
    }
}
