package org.mimamori.training.card;

import java.util.ArrayList;
import java.util.List;

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
        card.paragraph("A case's logit is the baseline plus one contribution per item: logit = baseline + Σ "
                + "contributions. An item's contribution is the points of the state the case is in. Points are "
                + "measured against the average training case: 0 means \"as for the average training case\", "
                + "positive points raise the estimate and negative points lower it. The calibration map then turns "
                + "the logit into the probability shown.");
        card.paragraph("Baseline (the logit of the average training case): " + Numbers.fixed(scorecard.baseline(), 3)
                + ", an uncalibrated probability of " + Numbers.rate(1 / (1 + Math.exp(-scorecard.baseline())))
                + ". Intercept " + Numbers.fixed(scorecard.bias(), 3) + ".");
        card.paragraph("ja", "ロジット＝基準値＋各項目の寄与の合計。寄与は、学習データの平均的な事例と比べた点数です。");
        card.paragraph("Items are ordered by importance: the standard deviation of the item's contribution over the "
                + "training cases, in logit units. An item that rarely differs from the average case has little "
                + "importance even if one of its states has many points. Shares are shares of training cases. A state not "
                + "seen in training has no weight of its own: its points only undo the item's average.");
        card.image(CardPlots.ITEM_WEIGHTS, "Horizontal bars of each item's importance, largest first");
        List<List<String>> summary = new ArrayList<>();
        int rank = 0;
        for (ItemImportance i : items) {
            summary.add(List.of(Integer.toString(++rank), i.item(), i.label(), japaneseLabel(schema, i),
                    Numbers.fixed(i.importance(), 3)));
        }
        card.table(List.of("Rank", "Item", "Label", "ラベル", "Importance (sd, logit)"), summary);
        for (ItemImportance i : items) {
            card.subheading(i.item() + " — " + i.label() + " (importance " + Numbers.fixed(i.importance(), 3) + ")");
            List<List<String>> states = new ArrayList<>();
            for (ItemImportance.StatePoints s : i.states()) {
                states.add(List.of(s.state(), Numbers.percent(s.share()), Numbers.signed(s.points(), 3),
                        s.share() == 0 ? "not seen in training" : ""));
            }
            card.table(List.of("State", "Share of training cases", "Points (logit)", "Note"), states);
        }
    }

    private static String japaneseLabel(FeatureSchema schema, ItemImportance i) {
        return schema.item(i.item()).map(Item::label).map(l -> l.ja()).orElse("");
    }
}
