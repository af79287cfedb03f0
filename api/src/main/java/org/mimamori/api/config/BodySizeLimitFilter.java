package org.mimamori.api.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.mimamori.api.problems.BodyTooLargeException;
import org.mimamori.api.problems.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured limits with 413, before they are read: by the declared
 * {@code Content-Length}, and for chunked bodies while reading. Model uploads ({@code /api/v1/models},
 * {@code mimamori.limits.model-body}) and screening files ({@code /api/v1/screenings},
 * {@code mimamori.screening.max-file-size}) have their own, larger limits. Runs after the access audit and Spring
 * Security's filters (which read no body), so that a refused body is recorded with who sent it, and one sent
 * without a valid token is refused 401 unread.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long scoreLimit;
    private final long modelLimit;
    private final long screeningLimit;
    private final ProblemWriter problems;

    BodySizeLimitFilter(MimamoriProperties properties, ProblemWriter problems,
                        @Value("${mimamori.screening.max-file-size:512MB}") DataSize screeningLimit) {
        this.scoreLimit = properties.limits().scoreBody().toBytes();
        this.modelLimit = properties.limits().modelBody().toBytes();
        this.screeningLimit = screeningLimit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().equals("/api/v1/screenings") ? screeningLimit
                : request.getRequestURI().startsWith("/api/v1/models") ? modelLimit : scoreLimit;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, new BodyTooLargeException(limit).text(), request);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends GuardedInputStream {
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        void beforeRead() {
        }

        @Override
        void afterRead(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
