package org.mimamori.api.audit;

import java.time.Instant;

/**
 * One audit record.
 *
 * @param id       the record's number, or null before it is stored
 * @param at       when
 * @param actor    who (the authenticated name)
 * @param role     the role under which the action was allowed
 * @param action   what, e.g. {@code score.create}, {@code score.read}, {@code model.upload}
 * @param resource which resource, e.g. {@code score/<id>} or {@code model/<version>}
 * @param purpose  why, when the caller said (scores), else null
 * @param outcome  how it ended, e.g. {@code ok}
 */
public record AuditEntry(Long id, Instant at, String actor, String role, String action, String resource,
                         String purpose, String outcome) {

    /**
     * A new record of a successful action.
     *
     * @param at       when
     * @param actor    who
     * @param role     in which role
     * @param action   what
     * @param resource which resource
     * @param purpose  why, or null
     * @return the record, not yet stored
     */
    public static AuditEntry ok(Instant at, String actor, String role, String action, String resource,
                                String purpose) {
        return new AuditEntry(null, at, actor, role, action, resource, purpose, "ok");
    }
}
