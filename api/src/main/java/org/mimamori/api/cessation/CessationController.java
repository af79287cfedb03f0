package org.mimamori.api.cessation;

import java.net.URI;

import org.mimamori.api.config.ProxyValidated;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.CessationApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.Cessation;
import org.mimamori.api.web.dto.CessationRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/children/{childRef}/cessation}: record a cessation-of-use request, read its state (privacy officer). */
@RestController
@ProxyValidated
class CessationController implements CessationApi {

    private final CessationService cessations;

    CessationController(CessationService cessations) {
        this.cessations = cessations;
    }

    @Override
    public ResponseEntity<Cessation> requestCessation(String childRef, CessationRequest request) {
        CessationService.Outcome o = cessations.request(childRef, request.getMode().getValue(), request.getReason(),
                request.getPurpose().getValue(), caller());
        Cessation body = CessationViews.view(o.row());
        if (!o.created()) {
            return ResponseEntity.ok(body);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri();
        return ResponseEntity.created(location).body(body);
    }

    @Override
    public ResponseEntity<Cessation> getCessation(String childRef, AccessPurpose purpose) {
        return ResponseEntity.ok(CessationViews.view(cessations.read(childRef, purpose.getValue(), caller())));
    }

    private static Caller caller() {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.PRIVACY_OFFICER);
    }
}
