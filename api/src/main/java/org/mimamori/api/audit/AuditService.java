package org.mimamori.api.audit;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail in the {@code audit_event} table. */
@Service
class AuditService implements AuditTrail {

    private final AuditEventRepository events;

    AuditService(AuditEventRepository events) {
        this.events = events;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry e) {
        events.append(e.at(), e.actor(), e.role(), e.action(), e.resource(), e.purpose(), e.outcome());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        return events.newestFirst(limit).stream()
                .map(r -> new AuditEntry(r.id(), r.at(), r.actor(), r.role(), r.action(), r.resource(), r.purpose(),
                        r.outcome()))
                .toList();
    }
}
