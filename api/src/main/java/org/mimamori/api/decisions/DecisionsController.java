package org.mimamori.api.decisions;

import java.util.UUID;

import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.DecisionsApi;
import org.mimamori.api.web.dto.Decision;
import org.mimamori.api.web.dto.DecisionRequest;
import org.mimamori.api.web.dto.Outcome;
import org.mimamori.api.web.dto.OutcomeRequest;
import org.mimamori.api.web.dto.SignOffRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions on scores ({@code POST /api/v1/scores/{id}/decisions}), supervisors' sign-offs
 * ({@code POST /api/v1/decisions/{id}/sign-off}) and outcomes ({@code POST /api/v1/scores/{id}/outcomes}).
 */
@RestController
class DecisionsController implements DecisionsApi {

    private final DecisionService decisions;

    DecisionsController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public ResponseEntity<Decision> createDecision(UUID id, DecisionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(decisions.decide(id, request, caller(Roles.CASEWORKER, Roles.SUPERVISOR)));
    }

    @Override
    public ResponseEntity<Decision> signOffDecision(UUID id, SignOffRequest request) {
        return ResponseEntity.ok(decisions.signOff(id, request, caller(Roles.SUPERVISOR)));
    }

    @Override
    public ResponseEntity<Outcome> recordOutcome(UUID id, OutcomeRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(decisions.recordOutcome(id, request, caller(Roles.CASEWORKER, Roles.SUPERVISOR)));
    }

    private static Caller caller(String... roles) {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), roles);
    }
}
