package org.mimamori.api.security;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.api.config.MimamoriProperties;
import org.mimamori.api.problems.ProblemWriter;
import org.mimamori.model.schema.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: the access matrix of {@code docs/api.md} ("Roles and tokens"), in {@link #MATRIX}, the one
 * place it is decided. The principle is need-to-know: individual children's scores (child references,
 * probabilities, explanations, review lists) only to caseworkers and supervisors, who act on cases, and to
 * auditors read-only, who check; analysts and administrators see models, aggregates and counts, never a child
 * reference or an individual number (nor the audit trail, which names the children each access touched);
 * privacy officers get none of these operations (their disclosure, correction and deletion requests have
 * endpoints of their own, which show them one child's data). An {@code /api/} operation that is not in the matrix is
 * refused to everyone (403), so a new operation is closed until it is given roles here.
 *
 * <p>Health and the static pages {@code /review} and {@code /disclosure} are public (their data calls need a
 * token); {@code /actuator/prometheus} needs any valid token. Failures are problem details: 401 without a
 * valid token, 403 for a role that may not. Every response carries {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer}; {@code /api/} responses {@code Cache-Control: no-store}; the pages a
 * strict Content-Security-Policy ({@link #PAGE_CSP}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** One row of the access matrix: an operation of the contract and the roles that may call it. */
    record Access(String operationId, HttpMethod method, String path, List<String> roles) {
    }

    /** The access matrix, operation by operation (the contract's operationIds). */
    static final List<Access> MATRIX = List.of(
            allow("createScore", HttpMethod.POST, "/api/v1/scores", Roles.CASEWORKER, Roles.SUPERVISOR),
            allow("getScore", HttpMethod.GET, "/api/v1/scores/*", Roles.CASEWORKER, Roles.SUPERVISOR,
                    Roles.AUDITOR),
            allow("recordAssessment", HttpMethod.POST, "/api/v1/scores/*/assessments", Roles.CASEWORKER,
                    Roles.SUPERVISOR),
            allow("createDecision", HttpMethod.POST, "/api/v1/scores/*/decisions", Roles.CASEWORKER,
                    Roles.SUPERVISOR),
            allow("recordOutcome", HttpMethod.POST, "/api/v1/scores/*/outcomes", Roles.CASEWORKER,
                    Roles.SUPERVISOR),
            // Not auditors: it reads other children's outcomes, which checking this score does not need.
            allow("getSimilarOutcomes", HttpMethod.GET, "/api/v1/scores/*/similar-outcomes", Roles.CASEWORKER,
                    Roles.SUPERVISOR),
            allow("signOffDecision", HttpMethod.POST, "/api/v1/decisions/*/sign-off", Roles.SUPERVISOR),
            allow("reviewScores", HttpMethod.GET, "/api/v1/review/scores", Roles.SUPERVISOR, Roles.AUDITOR),
            allow("openRedFlags", HttpMethod.GET, "/api/v1/review/red-flags", Roles.SUPERVISOR, Roles.AUDITOR),
            allow("reviewAgreement", HttpMethod.GET, "/api/v1/review/agreement", Roles.SUPERVISOR, Roles.AUDITOR,
                    Roles.ANALYST, Roles.ADMIN),
            // A screening stores every child's score: supervisors start it, for the caseworkers who review it.
            allow("createScreening", HttpMethod.POST, "/api/v1/screenings", Roles.SUPERVISOR),
            allow("getScreening", HttpMethod.GET, "/api/v1/screenings/*", Roles.CASEWORKER, Roles.SUPERVISOR,
                    Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN),
            allow("listScreeningEntries", HttpMethod.GET, "/api/v1/screenings/*/entries", Roles.CASEWORKER,
                    Roles.SUPERVISOR, Roles.AUDITOR),
            allow("updateScreeningEntry", HttpMethod.PATCH, "/api/v1/screenings/*/entries/*", Roles.CASEWORKER,
                    Roles.SUPERVISOR),
            allow("listModels", HttpMethod.GET, "/api/v1/models", Roles.SUPERVISOR, Roles.AUDITOR, Roles.ANALYST,
                    Roles.ADMIN),
            allow("uploadModel", HttpMethod.POST, "/api/v1/models", Roles.ANALYST, Roles.ADMIN),
            allow("activateModel", HttpMethod.POST, "/api/v1/models/*/activate", Roles.ANALYST, Roles.ADMIN),
            // The model lifecycle (docs/models.md): approval and rollback need a supervisor or admin (and approval
            // a person other than the uploader, checked by the lifecycle).
            allow("shadowModel", HttpMethod.POST, "/api/v1/models/*/shadow", Roles.ANALYST, Roles.ADMIN,
                    Roles.SUPERVISOR),
            allow("endShadow", HttpMethod.DELETE, "/api/v1/models/*/shadow", Roles.ANALYST, Roles.ADMIN,
                    Roles.SUPERVISOR),
            allow("approveModel", HttpMethod.POST, "/api/v1/models/*/approval", Roles.SUPERVISOR, Roles.ADMIN),
            allow("rollbackModel", HttpMethod.POST, "/api/v1/models/rollback", Roles.SUPERVISOR, Roles.ADMIN),
            allow("getModelHistory", HttpMethod.GET, "/api/v1/models/*/history", Roles.SUPERVISOR, Roles.AUDITOR,
                    Roles.ANALYST, Roles.ADMIN),
            // The audit trail names the children each access touched: auditors only. Privacy officers read one
            // child's accesses through their disclosure endpoints, not everyone's.
            allow("listAuditEvents", HttpMethod.GET, "/api/v1/audit", Roles.AUDITOR),
            // The chain's newest hash holds nothing about a child: admins anchor it outside the database.
            allow("auditHead", HttpMethod.GET, "/api/v1/audit/head", Roles.AUDITOR, Roles.ADMIN),
            allow("verifyAudit", HttpMethod.GET, "/api/v1/audit/verification", Roles.AUDITOR),
            // A family's cessation-of-use request, one child at a time.
            allow("requestCessation", HttpMethod.POST, "/api/v1/children/*/cessation", Roles.PRIVACY_OFFICER),
            allow("getCessation", HttpMethod.GET, "/api/v1/children/*/cessation", Roles.PRIVACY_OFFICER),
            // A family's disclosure request (everything held about one child, with its accesses) and correction
            // request (a corrected version of one score), one child at a time.
            allow("getDisclosure", HttpMethod.GET, "/api/v1/children/*/disclosure", Roles.PRIVACY_OFFICER),
            allow("createCorrection", HttpMethod.POST, "/api/v1/scores/*/corrections", Roles.PRIVACY_OFFICER),
            // Retention on demand (it also runs on its schedule): counts only, no child.
            allow("runRetention", HttpMethod.POST, "/api/v1/retention/runs", Roles.ADMIN),
            // --- outcome monitoring and model cards: aggregates and model documents, never a child ---
            allow("outcomeMonitoring", HttpMethod.GET, "/api/v1/monitoring/outcomes", Roles.SUPERVISOR,
                    Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN),
            allow("getModelCard", HttpMethod.GET, "/api/v1/models/*/card", Roles.SUPERVISOR, Roles.ANALYST,
                    Roles.AUDITOR, Roles.ADMIN),
            allow("getModelCardPlot", HttpMethod.GET, "/api/v1/models/*/card/*", Roles.SUPERVISOR, Roles.ANALYST,
                    Roles.AUDITOR, Roles.ADMIN),
            // shadow report: aggregates of a model compared with the active one, no child, no individual score;
            // not caseworkers, who never see a shadow model's results.
            allow("getShadowReport", HttpMethod.GET, "/api/v1/models/*/shadow-report", Roles.SUPERVISOR,
                    Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN),
            // --- drift --- Aggregates only (no child): those who watch the model and its data, and auditors.
            allow("getDrift", HttpMethod.GET, "/api/v1/monitoring/drift", Roles.SUPERVISOR, Roles.ANALYST,
                    Roles.ADMIN, Roles.AUDITOR),
            allow("getScreeningDrift", HttpMethod.GET, "/api/v1/screenings/*/drift", Roles.SUPERVISOR,
                    Roles.ANALYST, Roles.ADMIN, Roles.AUDITOR));

    /** The Content-Security-Policy of the static pages: their own scripts, styles and API calls, nothing else. */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** The Content-Security-Policy of every other response (JSON, problems): nothing may run or load. */
    static final String DATA_CSP = "default-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static Access allow(String operationId, HttpMethod method, String path, String... roles) {
        return new Access(operationId, method, path, List.of(roles));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, MimamoriProperties properties,
                                    ObjectProvider<JwtDecoder> jwtDecoder,
                                    ObjectProvider<OAuth2ResourceServerProperties> jwtProperties,
                                    ProblemWriter problems,
                                    @Value("${server.address:}") String address) throws Exception {
        AuthenticationManager manager = authenticationManager(properties, jwtDecoder.getIfAvailable(),
                jwtProperties.getIfAvailable());
        if (properties.security().demoTokens() && !isLoopback(address)) {
            LOG.warn("Demo tokens are on and the service listens on {}, not only on this machine: anyone who can "
                    + "reach it can act as any role. Use --server.address=127.0.0.1 unless this is intended.",
                    address.isEmpty() ? "every interface" : address);
        }
        // Plain path patterns: cheaper per request than matchers that ask Spring MVC's handler mappings.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = path.matcher("/api/**");
        RequestMatcher pages = new OrRequestMatcher(path.matcher("/review"), path.matcher("/review/**"),
                path.matcher("/disclosure"), path.matcher("/disclosure/**"));
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            CallerCaptureFilter.refused(request, e);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    e instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
            LocalizedText reason = TokenChecks.reason(e);
            LocalizedText needed = ProblemWriter.standard(HttpStatus.UNAUTHORIZED);
            problems.write(response, HttpStatus.UNAUTHORIZED, reason == null ? needed
                    : new LocalizedText(needed.ja() + reason.ja(), needed.en() + " " + reason.en()), request);
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                request);
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .cacheControl(c -> c.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(api,
                                new StaticHeadersWriter(HttpHeaders.CACHE_CONTROL, "no-store")))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(api),
                                new CacheControlHeadersWriter()))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
                                new ContentSecurityPolicyHeaderWriter(PAGE_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(pages),
                                new ContentSecurityPolicyHeaderWriter(DATA_CSP))))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"),
                            path.matcher("/error")).permitAll();
                    a.requestMatchers(path.matcher(HttpMethod.GET, "/review"), path.matcher(HttpMethod.GET,
                            "/review/**"), path.matcher(HttpMethod.GET, "/disclosure"),
                            path.matcher(HttpMethod.GET, "/disclosure/**")).permitAll();
                    for (Access access : MATRIX) {
                        a.requestMatchers(path.matcher(access.method(), access.path()))
                                .hasAnyRole(access.roles().toArray(String[]::new));
                    }
                    // Deny by default: an operation nobody gave roles to is closed.
                    a.requestMatchers(api).denyAll();
                    a.anyRequest().authenticated();
                })
                // Tells the request's audit record who is calling, also when the request is refused later.
                .addFilterAfter(new CallerCaptureFilter(), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(request -> manager)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
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
                    ? ProblemWriter.standard(HttpStatus.METHOD_NOT_ALLOWED)
                    : new LocalizedText("リクエストは受け付けられませんでした。アドレスまたはヘッダーに使えないもの（'..'、"
                    + "エンコードされたスラッシュ、制御文字など）が含まれています。", "The request was refused: its address or "
                    + "headers are not allowed (e.g. '..', encoded slashes or control characters)."), request);
        };
    }

    private static AuthenticationManager authenticationManager(MimamoriProperties properties, JwtDecoder decoder,
                                                               OAuth2ResourceServerProperties jwtSettings) {
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
            String issuer = jwtSettings == null ? null : jwtSettings.getJwt().getIssuerUri();
            List<String> audiences = jwtSettings == null ? List.of() : jwtSettings.getJwt().getAudiences();
            TokenChecks checks = new TokenChecks(issuer, audiences, properties.security().rolesClaim());
            if (issuer == null || issuer.isBlank() || audiences == null || audiences.isEmpty()) {
                LOG.warn("JWTs are accepted without checking their {} (set spring.security.oauth2.resourceserver.jwt."
                        + "issuer-uri and .audiences; production refuses to start without them).",
                        issuer == null || issuer.isBlank() ? "issuer" : "audience");
            }
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(checks.around(decoder));
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
