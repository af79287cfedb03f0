package org.mimamori.model.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * The content of one audit record, as it is hashed into the chain.
 *
 * @param at        when (stored to the millisecond)
 * @param actor     who: the authenticated name, or {@code anonymous}
 * @param role      under which role, or {@code none}
 * @param action    what, e.g. {@code score.read}, or the contract's operation for refused requests
 * @param resource  which resource, e.g. {@code score/<id>}
 * @param purpose   why, as the caller said; null when not given
 * @param outcome   how it ended: {@code ok}, {@code invalid}, {@code unauthenticated}, {@code forbidden}, ...
 * @param detail    a short reason for a refusal (e.g. {@code token expired}); null otherwise
 * @param requestId the HTTP request's id (the {@code X-Request-Id} response header), or null for jobs and tools
 * @param children  the children the access touched
 */
public record AuditRecord(Instant at, String actor, String role, String action, String resource, String purpose,
                          String outcome, String detail, String requestId, Children children) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
        children = children == null ? Children.none() : children;
        at = Instant.ofEpochMilli(at.toEpochMilli());
        actor = clip(actor, 255);
        role = clip(role, 32);
        action = clip(action, 64);
        resource = clip(resource, 255);
        purpose = clip(purpose, 64);
        outcome = clip(outcome, 32);
        detail = clip(detail, 255);
        requestId = clip(requestId, 36);
    }

    /** Cuts a value to its column's length (in characters), so that what is hashed is what is stored. */
    static String clip(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
