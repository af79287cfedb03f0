package org.mimamori.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the previous record's hash and the record's canonical content. The canonical
 * content is a versioned list of fields, each written as its UTF-8 length, a colon and its bytes (null as
 * {@code -}), so that no two different records share one encoding. Records of the lanes ({@link AuditLedger}) are
 * hashed with their lane and their number in it ({@link #hash(String, int, long, AuditRecord)}); records written
 * before the lanes (schema V18) with their record number ({@link #hash(String, long, AuditRecord)}).
 */
public final class AuditChain {

    /** The "previous hash" of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "mimamori-audit-1";
    private static final String LANED = "mimamori-audit-2";

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
        return content(s, r);
    }

    /**
     * @param previous the previous record's hash in the lane (hex), or {@link #GENESIS}
     * @param lane     the record's lane
     * @param seq      the record's number in its lane (from 1)
     * @param r        the record
     * @return the record's hash (hex)
     */
    public static String hash(String previous, int lane, long seq, AuditRecord r) {
        StringBuilder s = new StringBuilder(256);
        field(s, LANED);
        field(s, previous);
        field(s, Integer.toString(lane));
        field(s, Long.toString(seq));
        return content(s, r);
    }

    private static String content(StringBuilder s, AuditRecord r) {
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
