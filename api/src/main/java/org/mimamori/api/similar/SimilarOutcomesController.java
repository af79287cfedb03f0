package org.mimamori.api.similar;

import java.util.UUID;

import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.SimilarApi;
import org.mimamori.api.web.dto.Purpose;
import org.mimamori.api.web.dto.SimilarOutcomes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/scores/{id}/similar-outcomes}: similar past cases of a score, aggregated. */
@RestController
class SimilarOutcomesController implements SimilarApi {

    private final SimilarOutcomesService similar;

    SimilarOutcomesController(SimilarOutcomesService similar) {
        this.similar = similar;
    }

    @Override
    public ResponseEntity<SimilarOutcomes> getSimilarOutcomes(UUID id, Purpose purpose, String acceptLanguage) {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.CASEWORKER,
                Roles.SUPERVISOR);
        return ResponseEntity.ok(SimilarViews.view(similar.query(id, purpose.getValue(), caller),
                Languages.of(acceptLanguage)));
    }
}
