package org.mimamori.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/** The checks beyond the signature, and the plain words of a refusal, on tokens decoded as the service does. */
class TokenChecksTest {

    private final Tokens tokens = Tokens.generate();
    private final JwtAuthenticationProvider provider = provider(new TokenChecks(Tokens.ISSUER,
            List.of(Tokens.AUDIENCE), "roles"));

    private JwtAuthenticationProvider provider(TokenChecks checks) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(tokens.publicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefault());
        JwtDecoder checked = checks.around(decoder);
        return new JwtAuthenticationProvider(checked);
    }

    private String refusal(String token) {
        Throwable t = catchThrowable(() -> provider.authenticate(new BearerTokenAuthenticationToken(token)));
        assertThat(t).as(chain(t)).isInstanceOf(InvalidBearerTokenException.class);
        var reason = TokenChecks.reason(t);
        if (reason != null) {
            assertThat(reason.ja()).as("the Japanese of " + reason.en()).isNotEqualTo(reason.en()).contains("トークン");
        }
        return reason == null ? null : reason.en();
    }

    @Test
    void aValidTokenPasses() {
        assertThat(provider.authenticate(new BearerTokenAuthenticationToken(tokens.forRole(Roles.AUDITOR)))
                .isAuthenticated()).isTrue();
    }

    @Test
    void eachRefusalSaysWhy() {
        Instant now = Instant.now();
        assertThat(refusal(tokens.forRole(Roles.AUDITOR, c -> c.issueTime(Date.from(now.minusSeconds(3600)))
                .notBeforeTime(Date.from(now.minusSeconds(3600))).expirationTime(Date.from(now.minusSeconds(600))))))
                .isEqualTo("The token has expired.");
        assertThat(refusal(tokens.forRole(Roles.AUDITOR, c -> c.issuer("https://elsewhere.invalid/"))))
                .isEqualTo("The token was refused: it was not issued by this service's identity provider.");
        assertThat(refusal(tokens.forRole(Roles.AUDITOR, c -> c.audience(List.of("a", "b")))))
                .isEqualTo("The token was refused: it is not meant for this service (its audience).");
        assertThat(refusal(tokens.forRole(Roles.AUDITOR, c -> c.claim("roles", "janitor cleaner"))))
                .isEqualTo("The token was refused: it gives no Mimamori role (claim 'roles').");
        assertThat(refusal(tokens.signedWithAnotherKey(Roles.AUDITOR))).isNull();
        assertThat(refusal(tokens.unsigned(Roles.AUDITOR))).isNull();
    }

    @Test
    void rolesMayBeOneStringSeparatedBySpaces() {
        assertThat(provider.authenticate(new BearerTokenAuthenticationToken(tokens.forRole(Roles.AUDITOR,
                c -> c.claim("roles", "janitor auditor")))).isAuthenticated()).isTrue();
    }

    @Test
    void aTokenNotValidYetSaysSo() {
        Instant now = Instant.now();
        assertThat(refusal(tokens.forRole(Roles.AUDITOR, c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(1200)))))).isEqualTo("The token is not valid yet.");
    }

    /** Shows the exception chain of a refusal when an assertion about it fails. */
    static String chain(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" <- ");
        }
        return out.toString();
    }
}
