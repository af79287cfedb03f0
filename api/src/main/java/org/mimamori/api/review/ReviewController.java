package org.mimamori.api.review;

import java.time.LocalDate;
import java.util.List;

import org.mimamori.api.config.ProxyValidated;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.ReviewApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.Agreement;
import org.mimamori.api.web.dto.OpenRedFlag;
import org.mimamori.api.web.dto.ReviewedScores;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/review/*}: recent scores with decisions, agreement, open red flags. */
@RestController
@ProxyValidated
class ReviewController implements ReviewApi {

    private final ReviewService review;

    ReviewController(ReviewService review) {
        this.review = review;
    }

    @Override
    public ResponseEntity<ReviewedScores> reviewScores(AccessPurpose purpose, Integer limit, Integer offset) {
        return ResponseEntity.ok(review.scores(limit == null ? 50 : limit, offset == null ? 0 : offset, caller()));
    }

    @Override
    public ResponseEntity<Agreement> reviewAgreement(AccessPurpose purpose, LocalDate from, LocalDate to) {
        return ResponseEntity.ok(review.agreement(from, to, caller()));
    }

    @Override
    public ResponseEntity<List<OpenRedFlag>> openRedFlags(AccessPurpose purpose) {
        return ResponseEntity.ok(review.openRedFlags(caller()));
    }

    private static Caller caller() {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.SUPERVISOR, Roles.AUDITOR,
                Roles.ADMIN);
    }
}
