package org.mimamori.api.shadow;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mimamori.api.scoring.ScoreListener;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.scoring.Scorer;
import org.mimamori.model.value.Value;

/** What a shadow model makes of a score the active model recorded: the row {@link ShadowStore} keeps. */
final class ShadowResults {

    private ShadowResults() {
    }

    /**
     * Scores a recorded score's case with the shadow model and compares it with the active model's.
     *
     * @param recorded      the recorded score
     * @param active        the scorer of the active model that made it
     * @param shadow        the shadow model's scorer
     * @param shadowVersion the shadow model's version
     * @param at            when the score was recorded
     * @return the result to store
     */
    static ShadowStore.Result of(ScoreListener.Recorded recorded, Scorer active, Scorer shadow, String shadowVersion,
                                 Instant at) {
        Case input = recorded.input();
        Case shadowCase = caseFor(shadow.schema(), input);
        ExplainedScore a = recorded.explained();
        ExplainedScore s = shadow.score(shadowCase);
        return new ShadowStore.Result(recorded.scoreId().toString(), shadowVersion, a.modelVersion(), at,
                recorded.screeningId(), a.withheld() ? null : a.estimate().probability(),
                s.withheld() ? null : s.estimate().probability(), a.withheld() ? null : a.estimate().band().id(),
                s.withheld() ? null : s.estimate().band().id(), a.redFlags().size(), s.redFlags().size(),
                differences(active, input, shadow, shadowCase));
    }

    /**
     * Per input item of either model, the shadow model's contribution minus the active model's (an item one model
     * does not read contributes 0 there); only items where they differ.
     */
    static Map<String, Double> differences(Scorer active, Case activeCase, Scorer shadow, Case shadowCase) {
        Map<String, Double> d = new LinkedHashMap<>();
        double[] a = active.itemContributions(activeCase);
        List<Item> activeItems = active.inputItems();
        for (int k = 0; k < a.length; k++) {
            d.put(activeItems.get(k).id(), -a[k]);
        }
        double[] s = shadow.itemContributions(shadowCase);
        List<Item> shadowItems = shadow.inputItems();
        for (int k = 0; k < s.length; k++) {
            d.merge(shadowItems.get(k).id(), s[k], Double::sum);
        }
        d.values().removeIf(x -> x == 0.0);
        return d;
    }

    /**
     * The case as the shadow model reads it: the same case when both schemas have the same id and items, else
     * the recorded values of the items the shadow schema reads (a value it would refuse is left unknown).
     */
    static Case caseFor(FeatureSchema shadowSchema, Case input) {
        FeatureSchema schema = input.schema();
        if (schema == shadowSchema || (schema.id().equals(shadowSchema.id())
                && ids(schema.items()).equals(ids(shadowSchema.items())))) {
            return input;
        }
        Map<String, Value> given = new HashMap<>();
        for (Item item : shadowSchema.items()) {
            if (item.isDerived() || schema.indexOf(item.id()) < 0) {
                continue;
            }
            Value v = input.get(item.id());
            if (v.kind() != Value.Kind.UNKNOWN && item.problemWith(v) == null) {
                given.put(item.id(), v);
            }
        }
        return Case.resolve(shadowSchema, given);
    }

    private static List<String> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }
}
