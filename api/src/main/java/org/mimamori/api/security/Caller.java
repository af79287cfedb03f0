package org.mimamori.api.security;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling: the authenticated name and the Mimamori role under which the call is allowed (recorded in
 * scores and audit records).
 *
 * @param name the authenticated principal's name (JWT subject, or the demo token)
 * @param role the caller's Mimamori role, or {@code unknown}
 */
public record Caller(String name, String role) {

    /**
     * The caller of an authenticated request. When the caller holds several roles, the first of
     * {@code preferred} that it holds is recorded.
     *
     * @param authentication the request's authentication
     * @param preferred      the roles that allow the action, most specific first
     * @return the caller
     */
    public static Caller of(Authentication authentication, String... preferred) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        for (String role : preferred) {
            if (authorities.stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()))) {
                return new Caller(authentication.getName(), role);
            }
        }
        for (String role : Roles.ALL) {
            if (authorities.stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()))) {
                return new Caller(authentication.getName(), role);
            }
        }
        return new Caller(authentication.getName(), "unknown");
    }
}
