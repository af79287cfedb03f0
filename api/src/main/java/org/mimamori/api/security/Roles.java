package org.mimamori.api.security;

import java.util.List;

/** The roles of Mimamori's users, as they appear in tokens (without Spring's {@code ROLE_} prefix). */
public final class Roles {

    /** Child guidance and family support staff: score cases and read their scores. */
    public static final String CASEWORKER = "caseworker";
    /** Review explanations, overrides and disagreement; may score and read scores. */
    public static final String SUPERVISOR = "supervisor";
    /** Data scientists: register and activate models. They do not score children. */
    public static final String ANALYST = "analyst";
    /** Auditors: check scores, review lists, decisions and the audit trail, read-only. */
    public static final String AUDITOR = "auditor";
    /** Administrators: manage models and the service, read aggregates and the audit trail; no child's scores. */
    public static final String ADMIN = "admin";

    /**
     * Privacy officers: handle families' disclosure, correction and cessation-of-use requests, and read what is
     * held about one child for that purpose.
     */
    public static final String PRIVACY_OFFICER = "privacy_officer";

    /** Every role. */
    public static final List<String> ALL = List.of(CASEWORKER, SUPERVISOR, ANALYST, AUDITOR, ADMIN,
            PRIVACY_OFFICER);

    private Roles() {
    }
}
