package org.mimamori.api.security;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.api.config.MimamoriProperties;
import org.mimamori.api.problems.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. Health is public; everything else needs a bearer token:
 * <ul>
 *   <li>{@code POST /api/v1/scores}: caseworker, supervisor (analysts do not score children);</li>
 *   <li>{@code GET /api/v1/scores/*}: caseworker, supervisor, auditor; {@code GET .../similar-outcomes}: caseworker,
 *   supervisor (not auditors: it reads other children's outcomes);</li>
 *   <li>{@code POST /api/v1/models/**}: analyst, admin; {@code GET /api/v1/models}: also supervisor, auditor;</li>
 *   <li>{@code POST /api/v1/screenings}: supervisor, analyst; {@code GET /api/v1/screenings/**}: also caseworker;
 *   {@code PATCH} of a screening entry: caseworker, supervisor;</li>
 *   <li>{@code GET /api/v1/audit}: auditor, admin;</li>
 *   <li>{@code POST} and {@code GET /api/v1/children/{childRef}/cessation}: privacy officer;
 *   {@code POST /api/v1/retention/runs}: admin;</li>
 *   <li>{@code POST /api/v1/scores/{id}/decisions}, {@code .../outcomes}, {@code .../assessments}: caseworker,
 *   supervisor;
 *   {@code POST /api/v1/decisions/{id}/sign-off}: supervisor; {@code GET /api/v1/review/**}: supervisor,
 *   auditor, admin; the static review page {@code /review} is public (its data calls need a token);</li>
 *   <li>{@code /actuator/prometheus}: any authenticated caller.</li>
 * </ul>
 * Failures are problem details (401 without a valid token, 403 for a role that may not).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, MimamoriProperties properties,
                                    ObjectProvider<JwtDecoder> jwtDecoder, ProblemWriter problems,
                                    @Value("${server.address:}") String address) throws Exception {
        AuthenticationManager manager = authenticationManager(properties, jwtDecoder.getIfAvailable());
        if (properties.security().demoTokens() && !isLoopback(address)) {
            LOG.warn("Demo tokens are on and the service listens on {}, not only on this machine: anyone who can "
                    + "reach it can act as any role. Use --server.address=127.0.0.1 unless this is intended.",
                    address.isEmpty() ? "every interface" : address);
        }
        // Plain path patterns: cheaper per request than matchers that ask Spring MVC's handler mappings.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"),
                                path.matcher("/error")).permitAll()
                        .requestMatchers(path.matcher(HttpMethod.GET, "/review"),
                                path.matcher(HttpMethod.GET, "/review/**")).permitAll()
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/scores/*/decisions"),
                                path.matcher(HttpMethod.POST, "/api/v1/scores/*/outcomes"),
                                path.matcher(HttpMethod.POST, "/api/v1/scores/*/assessments"))
                        .hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/decisions/*/sign-off"))
                        .hasRole(Roles.SUPERVISOR)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/review/**"))
                        .hasAnyRole(Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/scores"))
                        .hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/scores/*/similar-outcomes"))
                        .hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/scores/**"))
                        .hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR, Roles.AUDITOR)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/models/**"))
                        .hasAnyRole(Roles.ANALYST, Roles.ADMIN)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/models/**"))
                        .hasAnyRole(Roles.ANALYST, Roles.ADMIN, Roles.SUPERVISOR, Roles.AUDITOR)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/screenings"))
                        .hasAnyRole(Roles.SUPERVISOR, Roles.ANALYST)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/screenings/**"))
                        .hasAnyRole(Roles.SUPERVISOR, Roles.ANALYST, Roles.CASEWORKER)
                        .requestMatchers(path.matcher(HttpMethod.PATCH, "/api/v1/screenings/*/entries/*"))
                        .hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/audit/head"),
                                path.matcher(HttpMethod.GET, "/api/v1/audit/verification"))
                        .hasRole(Roles.AUDITOR)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/audit"))
                        .hasAnyRole(Roles.AUDITOR, Roles.ADMIN)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/children/*/cessation"),
                                path.matcher(HttpMethod.GET, "/api/v1/children/*/cessation"))
                        .hasRole(Roles.PRIVACY_OFFICER)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/retention/runs"))
                        .hasRole(Roles.ADMIN)
                        .anyRequest().authenticated())
                .addFilterAfter(new CallerCaptureFilter(), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(request -> manager)
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(problems, request,
                                response, e))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "Your role may not do this.", request)))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(problems, request,
                                response, e))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "Your role may not do this.", request)));
        return http.build();
    }

    private static void unauthenticated(ProblemWriter problems, jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        CallerCaptureFilter.refused(request, e);
        problems.write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is needed.", request);
    }

    private static boolean isLoopback(String address) {
        try {
            return !address.isEmpty() && java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * Requests the firewall refuses (e.g. the method {@code TRACE}, {@code ..} in the path) get problem details:
     * 405 for a method the service does not take, else 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> {
            boolean method = !List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                    .contains(request.getMethod());
            problems.write(response, method ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.BAD_REQUEST, method
                    ? "This address does not take this method." : "The request was refused: its address or "
                    + "headers are not allowed (e.g. '..', encoded slashes or control characters).", request);
        };
    }

    private static AuthenticationManager authenticationManager(MimamoriProperties properties, JwtDecoder decoder) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        if (properties.security().demoTokens()) {
            LOG.warn("Demo bearer tokens are ENABLED (demo-caseworker, demo-supervisor, demo-analyst, "
                    + "demo-auditor, demo-admin, demo-privacy_officer). Never use this setting with real data.");
            providers.add(new DemoTokenAuthenticationProvider());
        }
        if (decoder != null) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(properties.security().rolesClaim());
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(converter);
            providers.add(jwt);
        }
        if (providers.isEmpty()) {
            LOG.warn("Neither demo tokens nor JWT verification are configured: every request will be refused.");
            return authentication -> {
                throw new org.springframework.security.authentication.BadCredentialsException("no token accepted");
            };
        }
        return new ProviderManager(providers);
    }
}
