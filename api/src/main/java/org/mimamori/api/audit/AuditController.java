package org.mimamori.api.audit;

import java.time.ZoneOffset;
import java.util.List;

import org.mimamori.api.web.AuditApi;
import org.mimamori.api.web.dto.AuditEvent;
import org.mimamori.api.config.ProxyValidated;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the most recent audit records (auditor, admin). */
@RestController
@ProxyValidated
class AuditController implements AuditApi {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public ResponseEntity<List<AuditEvent>> listAuditEvents(Integer limit) {
        int n = limit == null ? 100 : limit;
        return ResponseEntity.ok(trail.recent(n).stream().map(e -> new AuditEvent(e.id(),
                        e.at().atOffset(ZoneOffset.UTC), e.actor(), e.role(), e.action(), e.resource(), e.outcome())
                .purpose(e.purpose())).toList());
    }
}
