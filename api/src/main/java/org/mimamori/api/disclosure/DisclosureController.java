package org.mimamori.api.disclosure;

import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.DisclosureApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.Disclosure;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/children/{childRef}/disclosure}: what is held about a child (privacy officer). */
@RestController
class DisclosureController implements DisclosureApi {

    private final DisclosureService disclosures;

    DisclosureController(DisclosureService disclosures) {
        this.disclosures = disclosures;
    }

    @Override
    public ResponseEntity<Disclosure> getDisclosure(String childRef, AccessPurpose purpose) {
        return ResponseEntity.ok(disclosures.disclose(childRef, purpose,
                Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.PRIVACY_OFFICER)));
    }
}
