package org.mimamori.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mimamori.api.audit.AccessContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the request's {@link AccessContext} who is calling, right after the bearer token was checked, so that
 * a request refused later (403, or by a service) is recorded under its caller.
 */
final class CallerCaptureFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AccessContext context = AccessContext.of(request);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (context != null && authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            Caller caller = Caller.of(authentication);
            context.authenticated(caller.name(), caller.role());
        }
        chain.doFilter(request, response);
    }

    /**
     * Notes why a request was not authenticated, in words for its audit record (never the token).
     *
     * @param request the request
     * @param e       the failure, or null when no token was given
     */
    static void refused(HttpServletRequest request, AuthenticationException e) {
        AccessContext context = AccessContext.of(request);
        if (context != null) {
            context.refused(reason(request, e));
        }
    }

    static String reason(HttpServletRequest request, AuthenticationException e) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return "no token";
        }
        String m = e == null || e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (m.contains("expired")) {
            return "token expired";
        }
        if (m.contains("iss")) {
            return "wrong issuer";
        }
        if (m.contains("aud")) {
            return "wrong audience";
        }
        if (m.contains("signature") || m.contains("signed jwt rejected") || m.contains("another algorithm")) {
            return "signature not accepted";
        }
        if (m.contains("malformed") || m.contains("decode") || m.contains("invalid")) {
            return "token not readable";
        }
        return "token not accepted";
    }
}
