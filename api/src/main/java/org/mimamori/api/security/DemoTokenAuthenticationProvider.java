package org.mimamori.api.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Accepts the documented demo bearer tokens {@code demo-<role>} (e.g. {@code demo-caseworker}) as a caller
 * of that name with that role. Only registered when {@code mimamori.security.demo-tokens} is true (the
 * {@code local} profile); other tokens are left to the JWT provider.
 */
final class DemoTokenAuthenticationProvider implements AuthenticationProvider {

    static final String PREFIX = "demo-";

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!token.startsWith(PREFIX)) {
            return null;
        }
        String role = token.substring(PREFIX.length());
        if (!Roles.ALL.contains(role)) {
            return null;
        }
        return UsernamePasswordAuthenticationToken.authenticated(token, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
