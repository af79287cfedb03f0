package org.mimamori.api.drift;

import java.util.UUID;

import org.mimamori.api.config.ProxyValidated;
import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.DriftApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.DriftFigures;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/monitoring/drift} and {@code /api/v1/screenings/{id}/drift}: drift and data quality. */
@RestController
@ProxyValidated
class DriftController implements DriftApi {

    private final DriftService drift;

    DriftController(DriftService drift) {
        this.drift = drift;
    }

    @Override
    public ResponseEntity<DriftFigures> getDrift(AccessPurpose purpose, String acceptLanguage) {
        return ResponseEntity.ok(drift.window(caller(), purpose.getValue(), Languages.of(acceptLanguage)));
    }

    @Override
    public ResponseEntity<DriftFigures> getScreeningDrift(UUID id, AccessPurpose purpose, String acceptLanguage) {
        return ResponseEntity.ok(drift.screening(id, caller(), purpose.getValue(),
                Languages.of(acceptLanguage)));
    }

    private static Caller caller() {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.SUPERVISOR, Roles.ANALYST,
                Roles.ADMIN, Roles.AUDITOR);
    }
}
