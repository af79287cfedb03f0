package org.mimamori.api.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mimamori.api.contract.Contract;
import org.mimamori.api.database.DatabaseState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request under {@code /api/} an id ({@code X-Request-Id}) and makes sure it leaves exactly one
 * audit record. A service that does the work records it in its own transaction; when none did — the request
 * was refused (401, 403, 400, 404, 409, ...) or failed — this filter records it afterwards, under the
 * contract's operation name, with the outcome its status gives. Runs before Spring Security's filters and the
 * body limits, so refusals by authentication and authorization, and bodies refused as too large (413) or too
 * slow (408), are recorded too. When the database is unavailable (503) nothing
 * can be recorded; the request is logged instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessAuditFilter extends OncePerRequestFilter {

    /** The response header naming the request's audit record. */
    static final String REQUEST_ID = "X-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger(AccessAuditFilter.class);

    private final AuditService trail;
    private final Contract contract;
    private final DatabaseState database;
    private final TransactionTemplate tx;
    private final Clock clock;

    AccessAuditFilter(AuditService trail, Contract contract, DatabaseState database,
                      PlatformTransactionManager transactions, Clock clock) {
        this.trail = trail;
        this.contract = contract;
        this.database = database;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the purpose a read gives in its query (AuditService keeps only a known one); never taken from an operation
        // that asks for none (a write's ?purpose= of its own), whose form body getParameter would read besides. A
        // request without a query gives none, and its operation is looked up only if this filter records it.
        String operation = request.getQueryString() == null ? null : operation(request);
        AccessContext context = AccessContext.open(request, operation != null
                && contract.declaresQuery(operation, "purpose") ? request.getParameter("purpose") : null,
                clock.instant());
        response.setHeader(REQUEST_ID, context.requestId());
        boolean failed = true;
        try {
            chain.doFilter(request, new HeldResponse(response));
            failed = false;
        } finally {
            if (!context.recorded()) {
                recordAfterwards(request, operation, failed ? 500 : response.getStatus(), context);
            }
        }
    }

    private String operation(HttpServletRequest request) {
        return contract.operationAt(request.getMethod(), request.getRequestURI()).orElse(null);
    }

    private void recordAfterwards(HttpServletRequest request, String operation, int status, AccessContext context) {
        String known = operation != null ? operation : operation(request);
        String action = known == null ? "unknown" : known;
        String actor = context.actor() == null ? "anonymous" : context.actor();
        String role = context.role() == null ? "none" : context.role();
        String outcome = outcome(status);
        if (status == 503 && !database.isAvailable()) {
            LOG.warn("Not audited (the database is unavailable): request {} {} {} by {} ({}), {}",
                    context.requestId(), request.getMethod(), request.getRequestURI(), actor, role, outcome);
            return;
        }
        try {
            tx.executeWithoutResult(s -> trail.recordFor(context, new AuditEntry(null,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, role, action, request.getRequestURI(),
                    null, outcome, context.refusal(), null)));
        } catch (RuntimeException e) {
            LOG.error("The audit record of request {} {} {} by {} ({}), {}, could not be stored: {}",
                    context.requestId(), request.getMethod(), request.getRequestURI(), actor, role, outcome,
                    e.getMessage());
        }
    }

    /** The audit outcome of a response status. */
    static String outcome(int status) {
        if (status < 400) {
            return "ok";
        }
        switch (status) {
            case 400:
            case 406:
            case 415:
                return "invalid";
            case 401:
                return "unauthenticated";
            case 403:
                return "forbidden";
            case 404:
                return "not_found";
            case 405:
                return "method_not_allowed";
            case 408:
                return "timeout";
            case 409:
                return "conflict";
            case 413:
                return "too_large";
            case 429:
                return "too_many";
            case 503:
                return "unavailable";
            default:
                return status >= 500 ? "error" : "refused";
        }
    }
}
