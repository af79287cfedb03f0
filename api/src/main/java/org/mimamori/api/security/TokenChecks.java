package org.mimamori.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.mimamori.model.schema.LocalizedText;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.StringUtils;

/**
 * What a JWT must say, beyond a valid signature and its validity period (which the decoder checks): that the
 * configured identity provider issued it ({@code iss}), that it is meant for this service ({@code aud}), and
 * that it gives the caller at least one Mimamori role (in the roles claim). Applied to every decoded token,
 * whichever way the decoder was configured (issuer discovery, JWK set or public key): Spring Boot's decoder
 * from a public key alone checks no issuer. A token that fails is refused with 401, its reasons in plain words.
 */
final class TokenChecks implements OAuth2TokenValidator<Jwt> {

    /** Marks the errors of these checks apart from the decoder's own. */
    private static final String MARK = "urn:mimamori:token-check";

    private final String issuer;
    private final List<String> audiences;
    private final String rolesClaim;

    /**
     * @param issuer     the issuer every token must name, or null/blank to not check it (local profile only)
     * @param audiences  the audiences of which a token must name one, or empty to not check it (local only)
     * @param rolesClaim the claim with the caller's roles
     */
    TokenChecks(String issuer, List<String> audiences, String rolesClaim) {
        this.issuer = StringUtils.hasText(issuer) ? issuer : null;
        this.audiences = audiences == null ? List.of() : List.copyOf(audiences);
        this.rolesClaim = rolesClaim;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (issuer != null && !issuer.equals(jwt.getClaimAsString("iss"))) {
            errors.add(new Refusal("このサービスの ID プロバイダーが発行したものではありません",
                    "it was not issued by this service's identity provider"));
        }
        if (!audiences.isEmpty() && (jwt.getAudience() == null
                || jwt.getAudience().stream().noneMatch(audiences::contains))) {
            errors.add(new Refusal("このサービス宛てのものではありません（audience）",
                    "it is not meant for this service (its audience)"));
        }
        if (roles(jwt.getClaims().get(rolesClaim)).stream().noneMatch(Roles.ALL::contains)) {
            errors.add(new Refusal("見守りの役割を与えていません（クレーム '" + rolesClaim + "'）",
                    "it gives no Mimamori role (claim '" + rolesClaim + "')"));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    /** A decoder that applies these checks after {@code decoder} decoded and verified a token. */
    JwtDecoder around(JwtDecoder decoder) {
        return token -> {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException(describe(result.getErrors()), result.getErrors());
            }
            return jwt;
        };
    }

    /**
     * Why a bearer token was refused, in plain words, or null when the reason is nothing a caller can act on
     * (a malformed token, a bad signature, an algorithm not accepted).
     */
    static LocalizedText reason(Throwable refusal) {
        for (Throwable t = refusal; t != null; t = t.getCause()) {
            // Spring's timestamp check ("Jwt expired at ...") or Nimbus's own ("Expired JWT").
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Jwt expired at") || message.contains("Expired JWT")) {
                return new LocalizedText("トークンの有効期限が切れています。", "The token has expired.");
            }
            if (message.contains("Jwt used before") || message.contains("JWT before use time")) {
                return new LocalizedText("トークンはまだ有効になっていません。", "The token is not valid yet.");
            }
            if (t instanceof JwtValidationException) {
                Collection<OAuth2Error> errors = ((JwtValidationException) t).getErrors();
                return !errors.isEmpty() && errors.stream().allMatch(Refusal.class::isInstance)
                        ? new LocalizedText("トークンは受け付けられませんでした：" + String.join("。", errors.stream()
                                .map(e -> ((Refusal) e).ja).toList()) + "。", "The token was refused: "
                                + describe(errors) + ".") : null;
            }
        }
        return null;
    }

    private static String describe(Collection<OAuth2Error> errors) {
        return String.join("; ", errors.stream().map(OAuth2Error::getDescription).toList());
    }

    /** A refusal by these checks (apart from the decoder's own), its description in English and Japanese. */
    private static final class Refusal extends OAuth2Error {

        private static final long serialVersionUID = 1L;

        private final String ja;

        Refusal(String ja, String en) {
            super(OAuth2ErrorCodes.INVALID_TOKEN, en, MARK);
            this.ja = ja;
        }
    }

    /** The roles in a claim: a list of strings, or one string of roles separated by spaces. */
    private static List<String> roles(Object claim) {
        if (claim instanceof String) {
            return List.of(((String) claim).trim().split("\\s+"));
        }
        if (claim instanceof Collection) {
            return ((Collection<?>) claim).stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
