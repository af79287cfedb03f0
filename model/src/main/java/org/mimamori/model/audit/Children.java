package org.mimamori.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The children an access touched, as an audit record holds them: how many, a SHA-256 digest of their sorted
 * references (so the set is covered by the chain), and either the references themselves (listed one by one in
 * their own table, so that a child's accesses can be found and the list purged at the end of its retention) or a
 * description of the query that selected them (for large sets such as a screening's cohort, whose members are
 * found through that query).
 *
 * @param count  how many distinct children
 * @param digest the SHA-256 (hex) of the sorted distinct references joined by newlines, or null when not known
 * @param query  for a described set, what it was, e.g. {@code screening/<id>}; null for a listed set
 * @param refs   the sorted references of a listed set, else empty
 */
public record Children(int count, String digest, String query, List<String> refs) {

    /** The most references an audit record lists one by one; larger sets are described. */
    public static final int MAX_LISTED = 1000;

    private static final Children NONE = new Children(0, null, null, List.of());

    public Children {
        refs = List.copyOf(refs);
        query = AuditRecord.clip(query, 255);
    }

    /** @return no children */
    public static Children none() {
        return NONE;
    }

    /** @return true when the references are listed one by one */
    public boolean listed() {
        return query == null && count > 0;
    }

    /**
     * @param refs the children's references (duplicates count once)
     * @return the children, listed one by one (described by their number when more than {@link #MAX_LISTED})
     */
    public static Children of(Collection<String> refs) {
        TreeSet<String> sorted = new TreeSet<>(refs);
        if (sorted.isEmpty()) {
            return NONE;
        }
        List<String> list = List.copyOf(sorted);
        if (list.size() > MAX_LISTED) {
            return new Children(list.size(), digest(list), list.size() + " children (too many to list)", List.of());
        }
        return new Children(list.size(), digest(list), null, list);
    }

    /**
     * @param refs  the children's references (duplicates count once)
     * @param query what selected them, e.g. {@code screening/<id>}
     * @return the children, counted, digested and described, not listed
     */
    public static Children described(Collection<String> refs, String query) {
        List<String> list = List.copyOf(new TreeSet<>(refs));
        return new Children(list.size(), list.isEmpty() ? null : digest(list), query, List.of());
    }

    /**
     * @param sortedDistinct references in ascending order without duplicates
     * @return the SHA-256 (hex) of the references joined by newlines
     */
    public static String digest(List<String> sortedDistinct) {
        MessageDigest sha = sha256();
        for (int i = 0; i < sortedDistinct.size(); i++) {
            if (i > 0) {
                sha.update((byte) '\n');
            }
            sha.update(sortedDistinct.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
