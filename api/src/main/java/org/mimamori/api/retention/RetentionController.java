package org.mimamori.api.retention;

import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.RetentionApi;
import org.mimamori.api.web.dto.RetentionRun;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/retention/runs}: the retention purge on demand (admin). */
@RestController
class RetentionController implements RetentionApi {

    private final RetentionService retention;

    RetentionController(RetentionService retention) {
        this.retention = retention;
    }

    @Override
    public ResponseEntity<RetentionRun> runRetention() {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.ADMIN);
        return ResponseEntity.status(HttpStatus.CREATED).body(RetentionViews.view(retention.run(caller)));
    }
}
