package org.mimamori.api.audit;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Reads {@code audit_event} rows. Deliberately offers no save, update or delete. */
interface AuditEventRepository extends Repository<AuditEventRow, Long> {

    @Query("SELECT * FROM audit_event ORDER BY id DESC LIMIT :limit")
    List<AuditEventRow> newestFirst(int limit);

    @Query("SELECT audit_id, child_ref FROM audit_child WHERE audit_id IN (:ids) ORDER BY audit_id, child_ref")
    List<ChildRow> childrenOf(Collection<Long> ids);

    /** One child of an audit record. */
    record ChildRow(long auditId, String childRef) {
    }
}
