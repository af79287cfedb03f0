package org.mimamori.api.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code audit_event}, as read; rows are written only by {@link org.mimamori.model.audit.AuditLedger}. */
@Table("audit_event")
record AuditEventRow(@Id Long id, Instant at, String actor, String role, String action, String resource,
                     String purpose, String outcome, String detail, String requestId, int childrenCount,
                     String childrenDigest, String childrenQuery, String hash) {
}
