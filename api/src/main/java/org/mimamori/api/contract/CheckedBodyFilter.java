package org.mimamori.api.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the body that {@link ContractInterceptor} read and checked be read again by the message converters, so
 * the request object is made from exactly the bytes that were checked. Runs right after the body-size filter (and
 * inside the body-deadline filter), so the interceptor reads through both.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 2)
class CheckedBodyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Replaying(request), response);
    }

    /** A request whose body, once checked, is served from the checked bytes. */
    private static final class Replaying extends HttpServletRequestWrapper {
        private ServletInputStream replay;

        Replaying(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (replay != null) {
                return replay;
            }
            Object checked = getAttribute(ContractInterceptor.BODY);
            if (checked instanceof byte[] bytes) {
                replay = new Bytes(bytes);
                return replay;
            }
            return super.getInputStream();
        }
    }

    private static final class Bytes extends ServletInputStream {
        private final ByteArrayInputStream in;

        Bytes(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the checked body is read synchronously");
        }
    }
}
