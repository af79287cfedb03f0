package org.mimamori.api.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Stores and reads {@code audit_event} rows. */
interface AuditEventRepository extends CrudRepository<AuditEventRow, Long> {

    /** Appends a record; cheaper than {@code save}, which reads the generated id back. */
    @Modifying
    @Query("INSERT INTO audit_event (at, actor, role, action, resource, purpose, outcome) "
            + "VALUES (:at, :actor, :role, :action, :resource, :purpose, :outcome)")
    void append(Instant at, String actor, String role, String action, String resource, String purpose,
                String outcome);

    @Query("SELECT * FROM audit_event ORDER BY id DESC LIMIT :limit")
    List<AuditEventRow> newestFirst(int limit);
}
