package org.mimamori.api.security;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Fails the start of the {@code prod} profile, before anything else starts, when demo tokens are enabled or no
 * JWT verification is configured. Registered in {@code META-INF/spring.factories}.
 */
public final class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    /** The production profile. */
    public static final String PROD = "prod";

    private static final String[] JWT_SETTINGS = {
        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
    };

    /** Created by Spring Boot from {@code spring.factories}. */
    public ProductionGuard() {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains(PROD)) {
            return;
        }
        if (environment.getProperty("mimamori.security.demo-tokens", Boolean.class, false)) {
            throw new IllegalStateException("Refusing to start: the 'prod' profile is active while demo tokens are "
                    + "enabled (mimamori.security.demo-tokens=true). Demo tokens let anyone act as any role; "
                    + "disable them (and do not combine the 'local' profile with 'prod').");
        }
        if (Arrays.stream(JWT_SETTINGS).noneMatch(k -> StringUtils.hasText(environment.getProperty(k)))) {
            throw new IllegalStateException("Refusing to start: the 'prod' profile needs JWT verification; set one of "
                    + String.join(", ", JWT_SETTINGS) + ".");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
