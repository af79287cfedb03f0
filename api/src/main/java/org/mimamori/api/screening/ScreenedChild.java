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

    /**
     * A fingerprint of an explained score (8 bytes of a SHA-256 over its model, estimate, baseline and logit, every
     * contribution, the unrecorded items, the missing information's range, the band moves, warnings and red flags):
     * what a compact entry keeps to check that scoring its inputs again gives the explanation first computed.
     */
    static byte[] fingerprint(ExplainedScore s) {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
        java.util.function.DoubleConsumer num = d -> {
            b.clear();
            b.putDouble(d);
            sha.update(b.array());
        };
        java.util.function.Consumer<String> text = t -> {
            sha.update(String.valueOf(t).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
        };
        text.accept(s.modelVersion());
        if (s.estimate() != null) {
            num.accept(s.estimate().probability());
            num.accept(s.estimate().low());
            num.accept(s.estimate().high());
            text.accept(s.estimate().band().id());
        } else {
            text.accept("withheld");
        }
        num.accept(s.baseline());
        num.accept(s.logit());
        for (org.mimamori.model.scoring.Contribution c : s.contributions()) {
            text.accept(c.item().id());
            text.accept(String.valueOf(c.value()));
            num.accept(c.contribution());
        }
        if (s.unrecorded() != null) {
            num.accept(s.unrecorded().contribution());
            s.unrecorded().items().forEach(i -> text.accept(i.id()));
        }
        if (s.missingInformation() != null) {
            num.accept(s.missingInformation().logitLow());
            num.accept(s.missingInformation().logitHigh());
            num.accept(s.missingInformation().items().size());
        }
        s.bandMoves().forEach(m -> {
            text.accept(m.direction());
            text.accept(m.band() == null ? null : m.band().id());
            num.accept(m.changes().size());
        });
        s.warnings().forEach(w -> text.accept(w.code() + "/" + w.item()));
        s.redFlags().forEach(f -> text.accept(f.item()));
        return java.util.Arrays.copyOf(sha.digest(), 8);
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
