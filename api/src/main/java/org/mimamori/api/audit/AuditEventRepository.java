package org.mimamori.api.audit;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Stores and reads {@code audit_event} rows. */
interface AuditEventRepository extends CrudRepository<AuditEventRow, Long> {

    @Query("SELECT * FROM audit_event ORDER BY id DESC LIMIT :limit")
    List<AuditEventRow> newestFirst(int limit);
}
