package org.mimamori.api.scoring;

import java.net.URI;
import java.util.UUID;

import org.mimamori.api.config.MimamoriProperties;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.ScoresApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.PriorAssessment;
import org.mimamori.api.web.dto.Score;
import org.mimamori.api.web.dto.ScoreRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/scores}: score and record a case; read a recorded score exactly as it was given; record one's
 * own assessment of a score's child. In judgement-first mode ({@code mimamori.judgement-first}) a score needs
 * the caller's own prior assessment, and a caseworker reads a score's numbers only after their own assessment
 * ({@link ScoreVisibility}).
 */
@RestController
class ScoresController implements ScoresApi {

    private final ScoringService scoring;
    private final boolean judgementFirst;

    ScoresController(ScoringService scoring, MimamoriProperties properties) {
        this.scoring = scoring;
        this.judgementFirst = properties.judgementFirst();
    }

    @Override
    public ResponseEntity<Score> createScore(ScoreRequest request, String acceptLanguage) {
        if (judgementFirst && request.getPriorAssessment() == null) {
            throw new InvalidRequestException(java.util.List.of(new FieldProblem("priorAssessment",
                    "ここでは必須です。スコアを見る前に、ご自身の見立てを記録してください",
                    "is required here: record your own assessment before you see the score")));
        }
        ScoringService.Recorded r = scoring.score(request,
                Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.CASEWORKER,
                        Roles.SUPERVISOR),
                Languages.of(acceptLanguage));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(r.id())
                .toUri();
        return raw(ResponseEntity.created(location).body(new RawJson(r.json())));
    }

    @Override
    public ResponseEntity<Score> recordAssessment(UUID id, PriorAssessment assessment) {
        String json = scoring.assess(id, assessment, Caller.of(SecurityContextHolder.getContext().getAuthentication(),
                Roles.CASEWORKER, Roles.SUPERVISOR));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/scores/{id}")
                .buildAndExpand(id).toUri();
        return raw(ResponseEntity.created(location).body(RawJson.of(json)));
    }

    @Override
    public ResponseEntity<Score> getScore(UUID id, AccessPurpose purpose) {
        String json = scoring.read(id, Caller.of(SecurityContextHolder.getContext().getAuthentication(),
                Roles.CASEWORKER, Roles.SUPERVISOR, Roles.AUDITOR));
        return raw(ResponseEntity.ok(RawJson.of(json)));
    }

    /**
     * The stored JSON is written unchanged by {@link RawJsonConverter}; the contract's type {@link Score} is
     * what that JSON holds.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Score> raw(ResponseEntity<RawJson> response) {
        return (ResponseEntity) response;
    }
}
