package org.mimamori.api.config;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.mimamori.api.problems.BodyReadTimeoutException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the time a request body may take to arrive as a whole, not only each read (Tomcat's
 * {@code connection-timeout}): a client that trickles a byte every few seconds is cut off after
 * {@code mimamori.limits.body-read-timeout} (model and cohort uploads: {@code upload-read-timeout}), answered
 * 408 and its connection closed, so it holds a request thread for that long at most.
 *
 * <p>What a refused request leaves unread, Tomcat reads to its end before the connection is used again (up to
 * {@code server.tomcat.max-swallow-size}, 2 MB), each read bounded by {@code server.tomcat.connection-timeout};
 * see docs/operations.md for what that means for a client that trickles a body to a refusal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyReadDeadlineFilter extends OncePerRequestFilter {

    private final Duration body;
    private final Duration upload;

    BodyReadDeadlineFilter(MimamoriProperties properties) {
        this.body = properties.limits().bodyReadTimeout();
        this.upload = properties.limits().uploadReadTimeout();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        Duration allowed = uri.startsWith("/api/v1/models") || uri.equals("/api/v1/screenings") ? upload : body;
        chain.doFilter(new Deadlined(request, System.nanoTime() + allowed.toNanos(), allowed.toSeconds()), response);
    }

    private static final class Deadlined extends HttpServletRequestWrapper {
        private final long deadline;
        private final long seconds;
        private ServletInputStream stream;

        Deadlined(HttpServletRequest request, long deadline, long seconds) {
            super(request);
            this.deadline = deadline;
            this.seconds = seconds;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new DeadlineStream(super.getInputStream(), deadline, seconds);
            }
            return stream;
        }
    }

    private static final class DeadlineStream extends GuardedInputStream {
        private final long deadline;
        private final long seconds;

        DeadlineStream(ServletInputStream in, long deadline, long seconds) {
            super(in);
            this.deadline = deadline;
            this.seconds = seconds;
        }

        @Override
        void beforeRead() throws IOException {
            check();
        }

        @Override
        void afterRead(int bytes) throws IOException {
            check();
        }

        private void check() throws IOException {
            if (System.nanoTime() > deadline) {
                throw new BodyReadTimeoutException(seconds);
            }
        }
    }
}
