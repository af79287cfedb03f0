package org.mimamori.api.database;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mimamori.api.problems.ProblemWriter;
import org.mimamori.model.schema.LocalizedText;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unavailable, answers every {@code /api/} request at once with 503 and
 * {@code Retry-After}, instead of letting it wait on the pool or a stalled connection. Runs after security, so
 * an unauthenticated caller still gets 401 and learns nothing about the database.
 */
@Component
class DatabaseGateFilter extends OncePerRequestFilter implements Ordered {

    private final DatabaseState database;
    private final ProblemWriter problems;
    private final String retryAfter;

    DatabaseGateFilter(DatabaseState database, ProblemWriter problems, DatabaseProperties settings) {
        this.database = database;
        this.problems = problems;
        this.retryAfter = Long.toString(Math.max(1, settings.retryAfter().toSeconds()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (database.isAvailable()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, new LocalizedText("データベースが今は応答しないため、"
                + "何も読み出し・保存していません。数秒後にもう一度お試しください。", "The database does not answer right now, so "
                + "nothing was read or stored. Try again in a few seconds."), request);
    }

    @Override
    public int getOrder() {
        // After Spring Security's filter chain (-100).
        return 0;
    }
}
