package org.mimamori.api.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signed JWTs as the municipality's identity provider would issue them, minted with Nimbus JOSE from a key
 * pair generated when the tests start (no key is ever committed). {@link #forRole} is a valid token; the
 * other methods make the tokens a service must refuse.
 */
public final class Tokens {

    /** The issuer every token names (spring.security.oauth2.resourceserver.jwt.issuer-uri). */
    public static final String ISSUER = "https://idp.test.invalid/realms/mimamori";
    /** The service's audience. */
    public static final String AUDIENCE = "mimamori-api";

    private final RSAKey key;

    private Tokens(RSAKey key) {
        this.key = key;
    }

    /** Tokens signed with a new RSA key pair. */
    public static Tokens generate() {
        return new Tokens(newKey());
    }

    /** The public key the service verifies with. */
    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid token of one role for the subject {@code <role>-user}, valid for 5 minutes. */
    static JWTClaimsSet.Builder claims(String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(role + "-user")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(role));
    }

    /** A valid token of one role. */
    public String forRole(String role) {
        return sign(claims(role).build());
    }

    /** A token of one role with changed claims, signed with the right key. */
    String forRole(String role, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(role)).build());
    }

    /** RS256 with the right key. */
    String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** A valid-looking token of one role, signed with another key pair. */
    String signedWithAnotherKey(String role) {
        return sign(newKey(), claims(role).build());
    }

    /** A token of one role with {@code alg: none}: no signature at all. */
    String unsigned(String role) {
        return new PlainJWT(claims(role).build()).serialize();
    }

    /**
     * A token of one role signed HS256 with the service's public key as the shared secret (the "algorithm
     * confusion" attack on verifiers that let the token choose the algorithm).
     */
    String hmacWithThePublicKey(String role) {
        try {
            byte[] secret = publicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(role).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
