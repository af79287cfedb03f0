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
        // The bytes are gathered in one buffer and digested at once (the same SHA-256 as feeding them piece by
        // piece, so fingerprints stored earlier still match), with a digest cloned from one made once.
        Bytes b = BYTES.get();
        b.reset();
        b.text(s.modelVersion());
        if (s.estimate() != null) {
            b.num(s.estimate().probability());
            b.num(s.estimate().low());
            b.num(s.estimate().high());
            b.text(s.estimate().band().id());
        } else {
            b.text("withheld");
        }
        b.num(s.baseline());
        b.num(s.logit());
        for (org.mimamori.model.scoring.Contribution c : s.contributions()) {
            b.text(c.item().id());
            b.text(String.valueOf(c.value()));
            b.num(c.contribution());
        }
        if (s.unrecorded() != null) {
            b.num(s.unrecorded().contribution());
            s.unrecorded().items().forEach(i -> b.text(i.id()));
        }
        if (s.missingInformation() != null) {
            b.num(s.missingInformation().logitLow());
            b.num(s.missingInformation().logitHigh());
            b.num(s.missingInformation().items().size());
        }
        s.bandMoves().forEach(m -> {
            b.text(m.direction());
            b.text(m.band() == null ? null : m.band().id());
            b.num(m.changes().size());
        });
        s.warnings().forEach(w -> b.text(w.code() + "/" + w.item()));
        s.redFlags().forEach(f -> b.text(f.item()));
        return b.digest();
    }

    private static final java.security.MessageDigest SHA256;

    static {
        try {
            SHA256 = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ThreadLocal<Bytes> BYTES = ThreadLocal.withInitial(Bytes::new);

    /** A fingerprint's input: texts (UTF-8, each ended by a 0 byte) and numbers (8 bytes, big-endian). */
    private static final class Bytes {
        private final java.security.MessageDigest sha;
        private byte[] buf = new byte[4096];
        private int n;

        Bytes() {
            try {
                sha = (java.security.MessageDigest) SHA256.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        void reset() {
            n = 0;
        }

        void num(double d) {
            room(8);
            long v = Double.doubleToRawLongBits(d);
            for (int i = 56; i >= 0; i -= 8) {
                buf[n++] = (byte) (v >>> i);
            }
        }

        void text(String t) {
            byte[] u = String.valueOf(t).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            room(u.length + 1);
            System.arraycopy(u, 0, buf, n, u.length);
            n += u.length;
            buf[n++] = 0;
        }

        private void room(int more) {
            if (n + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        byte[] digest() {
            sha.reset();
            sha.update(buf, 0, n);
            return java.util.Arrays.copyOf(sha.digest(), 8);
        }
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
