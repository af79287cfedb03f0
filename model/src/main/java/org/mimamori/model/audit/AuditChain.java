package org.mimamori.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the previous record's hash and the record's canonical content. The canonical
 * content is a versioned list of fields, each written as its UTF-8 length, a colon and its bytes (null as
 * {@code -}), so that no two different records share one encoding.
 */
public final class AuditChain {

    /** The "previous hash" of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "mimamori-audit-1";

    private AuditChain() {
    }

    /**
     * @param previous the previous record's hash (hex), or {@link #GENESIS}
     * @param id       the record's number
     * @param r        the record
     * @return the record's hash (hex)
     */
    public static String hash(String previous, long id, AuditRecord r) {
        StringBuilder s = new StringBuilder(256);
        field(s, VERSION);
        field(s, previous);
        field(s, Long.toString(id));
        field(s, Long.toString(r.at().toEpochMilli()));
        field(s, r.actor());
        field(s, r.role());
        field(s, r.action());
        field(s, r.resource());
        field(s, r.purpose());
        field(s, r.outcome());
        field(s, r.detail());
        field(s, r.requestId());
        field(s, Integer.toString(r.children().count()));
        field(s, r.children().digest());
        field(s, r.children().query());
        MessageDigest sha = Children.sha256();
        return HexFormat.of().formatHex(sha.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder s, String value) {
        if (value == null) {
            s.append('-');
            return;
        }
        s.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }
}
