package org.mimamori.api.correction;

import java.net.URI;
import java.util.UUID;

import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.CorrectionsApi;
import org.mimamori.api.web.dto.Correction;
import org.mimamori.api.web.dto.CorrectionRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /api/v1/scores/{id}/corrections}: a corrected version of a score (privacy officer). */
@RestController
class CorrectionsController implements CorrectionsApi {

    private final CorrectionService corrections;

    CorrectionsController(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @Override
    public ResponseEntity<Correction> createCorrection(UUID id, CorrectionRequest request, String acceptLanguage) {
        Correction c = corrections.correct(id, request,
                Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.PRIVACY_OFFICER),
                Languages.of(acceptLanguage));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/scores/{id}")
                .buildAndExpand(c.getScore().getId()).toUri();
        return ResponseEntity.created(location).body(c);
    }
}
