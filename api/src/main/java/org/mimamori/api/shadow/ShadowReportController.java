package org.mimamori.api.shadow;

import org.mimamori.api.config.ProxyValidated;
import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.ShadowApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.ShadowReport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/models/{version}/shadow-report}: how a model in shadow compared with the active one. */
@RestController
@ProxyValidated
class ShadowReportController implements ShadowApi {

    private final ShadowReportService reports;
    private final ShadowProperties properties;

    ShadowReportController(ShadowReportService reports, ShadowProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @Override
    public ResponseEntity<ShadowReport> getShadowReport(String version, AccessPurpose purpose, String acceptLanguage) {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.SUPERVISOR,
                Roles.ANALYST, Roles.ADMIN, Roles.AUDITOR);
        return ResponseEntity.ok(ShadowViews.view(reports.report(version, caller), properties.minScored(),
                properties.minOutcomes(), Languages.of(acceptLanguage)));
    }
}
