package org.mimamori.api.audit;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.mimamori.api.database.TimeOrderedIds;

/**
 * What the audit knows of one HTTP request: its id, the purpose it gave, who made it (once authenticated), why a
 * token was refused, and whether a service has recorded the request's audit record in a committed transaction.
 * Kept as a request attribute by {@link AccessAuditFilter}.
 */
public final class AccessContext {

    private static final String ATTRIBUTE = AccessContext.class.getName();

    private final String requestId;
    private final String purpose;
    private volatile String actor;
    private volatile String role;
    private volatile String refusal;
    private volatile boolean recorded;

    private AccessContext(String purpose, Instant at) {
        this.requestId = TimeOrderedIds.next(at).toString(); // in time order: the audit's index on it grows at its end
        this.purpose = purpose;
    }

    /**
     * @param purpose the purpose the request gave, where its operation asks for one and it is a known purpose;
     *                else null (a write's record takes its purpose from the service, or has none)
     */
    static AccessContext open(HttpServletRequest request, String purpose, Instant at) {
        AccessContext context = new AccessContext(purpose, at);
        request.setAttribute(ATTRIBUTE, context);
        return context;
    }

    /**
     * @param request a request
     * @return its context, or null outside an audited request
     */
    public static AccessContext of(HttpServletRequest request) {
        Object value = request.getAttribute(ATTRIBUTE);
        return value instanceof AccessContext c ? c : null;
    }

    /**
     * Notes the authenticated caller (called inside the security filter chain).
     *
     * @param actor who
     * @param role  the role recorded
     */
    public void authenticated(String actor, String role) {
        this.actor = actor;
        this.role = role;
    }

    /**
     * Notes why the request's token was refused, in words for the audit record.
     *
     * @param reason e.g. {@code token expired}
     */
    public void refused(String reason) {
        this.refusal = reason;
    }

    String requestId() {
        return requestId;
    }

    String purpose() {
        return purpose;
    }

    String actor() {
        return actor;
    }

    String role() {
        return role;
    }

    String refusal() {
        return refusal;
    }

    boolean recorded() {
        return recorded;
    }

    void markRecorded() {
        recorded = true;
    }
}
