package org.mimamori.api.config;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
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
 * <p>A refused request's body is not swallowed by Tomcat ({@code server.tomcat.max-swallow-size: 0}, which would
 * read it with no time limit): every error answer to a request with a body says {@code Connection: close}, and
 * after the answer this filter reads what is left of the body within the same deadline, so that a well-behaved
 * client's connection closes cleanly and a trickling one is cut off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyReadDeadlineFilter extends OncePerRequestFilter {

    /** The most of a refused body read after the answer, in bytes. */
    static final long MAX_DRAIN = 1 << 20;

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
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        Deadlined deadlined = new Deadlined(request, System.nanoTime() + allowed.toNanos(), allowed.toSeconds());
        chain.doFilter(deadlined, hasBody ? new CloseOnError(response) : response);
        if (hasBody && request.getHeader("Expect") == null) {
            // Any answer, not only refusals: a GET that carried a body leaves it unread too.
            drain(deadlined, response);
        }
    }

    /**
     * Reads what is left of a request's body (within its deadline, at most {@value #MAX_DRAIN} bytes) after
     * the answer was sent, so that the connection closes cleanly instead of with a reset that may destroy the
     * answer on its way to a well-behaved client. A client that trickles is cut off at the deadline.
     */
    private static void drain(Deadlined request, HttpServletResponse response) {
        try {
            response.flushBuffer();
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total < MAX_DRAIN && (n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (IOException | IllegalStateException e) {
            // Cut off (deadline, limit or a broken connection) or already read by a multipart parser.
        }
    }

    /** Adds {@code Connection: close} to an error answer. */
    private static final class CloseOnError extends HttpServletResponseWrapper {
        CloseOnError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            close(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            close(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            close(sc);
            super.sendError(sc, msg);
        }

        private void close(int sc) {
            if (sc >= 400 && !isCommitted()) {
                setHeader("Connection", "close");
            }
        }
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

    private static final class DeadlineStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long deadline;
        private final long seconds;

        DeadlineStream(ServletInputStream in, long deadline, long seconds) {
            this.in = in;
            this.deadline = deadline;
            this.seconds = seconds;
        }

        @Override
        public int read() throws IOException {
            check();
            int b = in.read();
            check();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = in.read(b, off, len);
            check();
            return n;
        }

        private void check() throws IOException {
            if (System.nanoTime() > deadline) {
                throw new BodyReadTimeoutException(seconds);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
