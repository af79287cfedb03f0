package org.mimamori.api.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The JWT decoder: signature and validity period, from the standard properties, with one rule for where the
 * keys come from, whatever else is set — a fixed public key ({@code public-key-location}) first, else a JWK set
 * ({@code jwk-set-uri}), else the identity provider's discovery document ({@code issuer-uri}). Spring Boot's own
 * decoder would ignore a public key as soon as {@code issuer-uri} is set (and fetch keys from the network), and
 * checks no issuer with a public key alone; here {@code issuer-uri} is always the issuer every token must name
 * and {@code audiences} the audiences of which it must name one ({@link TokenChecks}, applied by
 * {@link SecurityConfiguration}). Signature algorithms: {@code jws-algorithms} (default RS256); {@code none} and
 * HMAC with a public key are never accepted. Only when one of the three key settings is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(JwtDecoderConfiguration.KeysConfigured.class)
class JwtDecoderConfiguration {

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) throws Exception {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        List<SignatureAlgorithm> algorithms = jwt.getJwsAlgorithms().stream().map(SignatureAlgorithm::from).toList();
        if (algorithms.contains(null)) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jws-algorithms names an "
                    + "unknown signature algorithm: " + jwt.getJwsAlgorithms());
        }
        if (jwt.getPublicKeyLocation() != null) {
            if (algorithms.size() != 1) {
                throw new IllegalStateException("with a public key, spring.security.oauth2.resourceserver.jwt."
                        + "jws-algorithms must name exactly one algorithm");
            }
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt.readPublicKey()))
                    .signatureAlgorithm(algorithms.get(0)).build();
            decoder.setJwtValidator(JwtValidators.createDefault());
            return decoder;
        }
        if (StringUtils.hasText(jwt.getJwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                    .jwsAlgorithms(a -> a.addAll(algorithms)).build();
            decoder.setJwtValidator(JwtValidators.createDefault());
            return decoder;
        }
        String issuer = jwt.getIssuerUri();
        // Discovery asks the identity provider, so it happens at the first token, not at start-up.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithms(a -> a.addAll(algorithms)).build();
            decoder.setJwtValidator(JwtValidators.createDefault());
            return decoder;
        });
    }

    private static RSAPublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    }

    /** Matches when a public key, a JWK set or an issuer to discover the keys from is configured. */
    static final class KeysConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String prefix = "spring.security.oauth2.resourceserver.jwt.";
            return List.of("public-key-location", "jwk-set-uri", "issuer-uri").stream()
                    .anyMatch(k -> StringUtils.hasText(context.getEnvironment().getProperty(prefix + k)));
        }
    }
}
