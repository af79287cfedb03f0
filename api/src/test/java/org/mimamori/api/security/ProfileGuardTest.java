package org.mimamori.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Only an explicit local profile may run demo tokens or the embedded database; every other configuration —
 * prod, prod with local, a default profile of prod, an unknown profile — is production and refuses both.
 */
class ProfileGuardTest {

    private static final String JWT = "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.invalid/realm";
    private static final String DATASOURCE = "--spring.datasource.url=jdbc:mariadb://127.0.0.1:1/none";

    @Test
    void prodRefusesToStartWhileDemoTokensAreEnabled() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", "--mimamori.security.demo-tokens=true",
                JWT, DATASOURCE))
                .hasStackTraceContaining("Refusing to start with profile(s) [prod]")
                .hasStackTraceContaining("demo tokens are enabled");
    }

    @Test
    void prodCombinedWithTheLocalProfileRefusesToStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod,local", JWT, DATASOURCE))
                .hasStackTraceContaining("demo tokens are enabled");
    }

    @Test
    void aDefaultProfileOfProdWithDemoTokensRefusesToStart() {
        assertThatThrownBy(() -> start("--spring.profiles.default=prod", "--mimamori.security.demo-tokens=true",
                JWT, DATASOURCE))
                .hasStackTraceContaining("[prod]")
                .hasStackTraceContaining("demo tokens are enabled");
    }

    @Test
    void demoTokensFromTheEnvironmentAreRefusedOutsideLocal() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MimamoriApiApplication.class)
                .environment(environment("MIMAMORI_SECURITY_DEMO_TOKENS", "true"))
                .run("--spring.profiles.active=staging", JWT, DATASOURCE, "--server.port=0").close())
                .hasStackTraceContaining("[staging]")
                .hasStackTraceContaining("demo tokens are enabled");
    }

    @Test
    void prodRefusesToStartWithoutADatasourceInsteadOfStartingTheEmbeddedDatabase() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", JWT))
                .hasStackTraceContaining("no datasource is configured");
    }

    @Test
    void prodRefusesToStartWithoutJwtVerification() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", DATASOURCE))
                .hasStackTraceContaining("needs JWT verification");
    }

    @Test
    void prodRefusesToStartWithoutTheIssuerOrTheAudienceTokensMustName() {
        String key = "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:/nonexistent.pem";
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", key, DATASOURCE))
                .hasStackTraceContaining("it needs the issuer that every token must name")
                .hasStackTraceContaining("it needs this service's audience");
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", JWT, DATASOURCE))
                .hasStackTraceContaining("it needs this service's audience")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("it needs the issuer"));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @Test
    void localIsLocalOnlyWithoutProd() {
        assertThat(ProfileGuard.isLocal(profiles(new String[] {}, "local"))).isTrue();
        assertThat(ProfileGuard.isLocal(profiles(new String[] {"local"}, "default"))).isTrue();
        assertThat(ProfileGuard.isLocal(profiles(new String[] {"local", "prod"}, "default"))).isFalse();
        assertThat(ProfileGuard.isLocal(profiles(new String[] {"staging"}, "local"))).isFalse();
        assertThat(ProfileGuard.isLocal(profiles(new String[] {}, "prod"))).isFalse();
    }

    private static MockEnvironment profiles(String[] active, String defaults) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(active);
        env.setDefaultProfiles(defaults);
        return env;
    }

    private static org.springframework.core.env.StandardEnvironment environment(String name, String value) {
        org.springframework.core.env.StandardEnvironment env = new org.springframework.core.env.StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                "test-environment", java.util.Map.of(name, value)));
        return env;
    }

    private static void start(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--mimamori.data-dir=target/it-data/guard";
        all[args.length + 1] = "--server.port=0";
        new SpringApplicationBuilder(MimamoriApiApplication.class).run(all).close();
    }
}
