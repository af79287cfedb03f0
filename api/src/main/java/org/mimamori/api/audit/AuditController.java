package org.mimamori.api.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.mimamori.api.config.ProxyValidated;
import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.AuditApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.AuditEvent;
import org.mimamori.api.web.dto.AuditHead;
import org.mimamori.api.web.dto.AuditLaneHead;
import org.mimamori.api.web.dto.AuditVerification;
import org.mimamori.api.web.dto.AuditVerificationProblemsInner;
import org.mimamori.model.audit.AuditLedger;
import org.mimamori.model.audit.AuditVerifier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP: the newest records (auditor, admin), the chain's head and its verification (auditor). */
@RestController
@ProxyValidated
class AuditController implements AuditApi {

    private final AuditService trail;
    private final Clock clock;

    AuditController(AuditService trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<List<AuditEvent>> listAuditEvents(AccessPurpose purpose, Integer limit) {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.AUDITOR, Roles.ADMIN);
        int n = limit == null ? 100 : limit;
        return ResponseEntity.ok(trail.recentRecords(n, caller.name(), caller.role()).stream().map(e ->
                new AuditEvent(e.id(), e.at().atOffset(ZoneOffset.UTC), e.actor(), e.role(), e.action(),
                        e.resource(), e.outcome()).purpose(e.purpose()).detail(e.detail()).requestId(e.requestId())
                        .childCount(e.childCount()).childQuery(e.childQuery())
                        .childRefs(e.childRefs().isEmpty() ? null : e.childRefs()).hash(e.hash())).toList());
    }

    @Override
    public ResponseEntity<AuditHead> auditHead(AccessPurpose purpose) {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.AUDITOR);
        return ResponseEntity.ok(view(trail.headRead(caller.name(), caller.role())));
    }

    @Override
    public ResponseEntity<AuditVerification> verifyAudit(AccessPurpose purpose, String acceptLanguage) {
        Locale language = Languages.of(acceptLanguage);
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.AUDITOR);
        AuditVerifier.Report r = trail.verifyRead(caller.name(), caller.role());
        return ResponseEntity.ok(new AuditVerification(r.intact(), r.checked(), r.beforeChain(), view(r.head()),
                r.problems().stream().map(p -> new AuditVerificationProblemsInner(p.id(),
                        AuditVerificationProblemsInner.KindEnum.fromValue(p.kind().name().toLowerCase(Locale.ROOT)),
                        p.message().in(language))).toList(), r.truncated()));
    }

    private AuditHead view(AuditLedger.Head head) {
        return new AuditHead(head.lastId(), head.hash(), head.anchor(), head.lanes().stream().map(l ->
                new AuditLaneHead(l.lane(), l.lastSeq(), l.lastId(), l.hash())).toList(),
                clock.instant().atOffset(ZoneOffset.UTC));
    }
}
