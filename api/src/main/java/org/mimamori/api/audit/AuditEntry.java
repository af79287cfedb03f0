package org.mimamori.api.audit;

import java.time.Instant;
import java.util.Collection;

import org.mimamori.model.audit.Children;

/**
 * One audit record as a service states it; the trail adds the request's id and, when the entry names none,
 * the purpose the request gave.
 *
 * @param id       the record's number, or null before it is stored
 * @param at       when
 * @param actor    who (the authenticated name)
 * @param role     the role under which the action was allowed
 * @param action   what, e.g. {@code score.create}, {@code score.read}, {@code model.upload}
 * @param resource which resource, e.g. {@code score/<id>} or {@code model/<version>}
 * @param purpose  why; null to take the request's {@code purpose} parameter
 * @param outcome  how it ended, e.g. {@code ok}
 * @param detail   a short explanation of the outcome, or null
 * @param children the children the action touched
 */
public record AuditEntry(Long id, Instant at, String actor, String role, String action, String resource,
                         String purpose, String outcome, String detail, Children children) {

    public AuditEntry {
        children = children == null ? Children.none() : children;
    }

    /** A record without detail or children (see {@link #touching}). */
    public AuditEntry(Long id, Instant at, String actor, String role, String action, String resource,
                      String purpose, String outcome) {
        this(id, at, actor, role, action, resource, purpose, outcome, null, Children.none());
    }

    /**
     * A new record of a successful action.
     *
     * @param at       when
     * @param actor    who
     * @param role     in which role
     * @param action   what
     * @param resource which resource
     * @param purpose  why, or null for the request's purpose
     * @return the record, not yet stored
     */
    public static AuditEntry ok(Instant at, String actor, String role, String action, String resource,
                                String purpose) {
        return new AuditEntry(null, at, actor, role, action, resource, purpose, "ok");
    }

    /**
     * @param children the children the action touched
     * @return this record naming them
     */
    public AuditEntry touching(Children children) {
        return new AuditEntry(id, at, actor, role, action, resource, purpose, outcome, detail, children);
    }

    /**
     * @param childRefs the references of the children the action touched
     * @return this record naming them
     */
    public AuditEntry touching(Collection<String> childRefs) {
        return touching(Children.of(childRefs));
    }
}
