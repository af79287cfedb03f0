package org.mimamori.api.monitoring;

import java.time.LocalDate;

import org.mimamori.api.config.ProxyValidated;
import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.MonitoringApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.OutcomeMonitoring;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/monitoring/outcomes}: outcomes against estimates, flags and decisions by audit group. */
@RestController
@ProxyValidated
class MonitoringController implements MonitoringApi {

    private final OutcomeMonitoringService monitoring;

    MonitoringController(OutcomeMonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public ResponseEntity<OutcomeMonitoring> outcomeMonitoring(AccessPurpose purpose, String model, LocalDate from,
                                                               LocalDate to, String acceptLanguage) {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.SUPERVISOR,
                Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN);
        return ResponseEntity.ok(MonitoringViews.view(monitoring.outcomes(model, from, to, caller),
                Languages.of(acceptLanguage)));
    }
}
