package org.mimamori.api.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.schema.Role;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.value.Value;

/** What the review list keeps of a screened child, and the child's inputs as a score request's items. */
final class ScreenedChild {

    /** How many contributions the review list shows (largest magnitude first). */
    static final int TOP = 3;

    /** A red flag as the review list shows it. */
    record Flag(String item, String label, String message) {
    }

    /** A contribution as the review list shows it. */
    record Top(String item, String label, double contribution) {
    }

    /**
     * The review list's summary, stored as JSON with the entry (in the screening's language).
     *
     * @param bandMeaning what the band says, or null when the estimate was withheld
     * @param redFlags    red flags that stand above the score
     * @param top         the largest contributions
     */
    record Summary(String bandMeaning, List<Flag> redFlags, List<Top> top) {
    }

    private ScreenedChild() {
    }

    static Summary summary(ExplainedScore s, FeatureSchema schema, Locale locale) {
        List<Flag> flags = s.redFlags().stream().map(f -> new Flag(f.item(),
                schema.item(f.item()).map(i -> i.label(locale)).orElse(f.item()), f.message().in(locale))).toList();
        List<Top> top = s.contributions().stream().limit(TOP)
                .map(c -> new Top(c.item().id(), c.item().label(locale), c.contribution())).toList();
        return new Summary(s.estimate() == null ? null : s.estimate().band().meaning().in(locale), flags, top);
    }

    /** True when any already-known item of the schema is yes for the child. */
    static boolean alreadySupported(Case c, FeatureSchema schema) {
        for (Item item : schema.withRole(Role.ALREADY_KNOWN)) {
            Value v = c.get(item.id());
            if (v.isNumber() && v.number() == 1.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The child's recorded values that a score request may carry (inputs, audit groups, red flags, already
     * known; never the label, analysis items or derived items), as JSON values; unknown values are left out.
     */
    static Map<String, Object> items(Case c, FeatureSchema schema) {
        Map<String, Object> items = new LinkedHashMap<>();
        for (Item item : sendable(schema)) {
            Value v = c.get(item.id());
            switch (v.kind()) {
                case UNKNOWN -> {
                }
                case NOT_APPLICABLE -> items.put(item.id(), "not_applicable");
                case CATEGORY -> items.put(item.id(), v.category());
                case NUMBER -> items.put(item.id(), item.type() == ItemType.YES_NO ? (Object) (v.number() == 1.0)
                        : v.number() == Math.rint(v.number()) ? (Object) (long) v.number() : (Object) v.number());
            }
        }
        return items;
    }

    private static List<Item> sendable(FeatureSchema schema) {
        return schema.items().stream().filter(i -> i.whyNotSentForScoring() == null).toList();
    }
}
