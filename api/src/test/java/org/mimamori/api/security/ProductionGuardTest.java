package org.mimamori.api.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The production profile refuses to start with demo tokens or without JWT verification. */
class ProductionGuardTest {

    @Test
    void prodRefusesToStartWhileDemoTokensAreEnabled() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", "--mimamori.security.demo-tokens=true",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.invalid/realm"))
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("demo tokens are enabled");
    }

    @Test
    void prodCombinedWithTheLocalProfileRefusesToStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod,local",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.invalid/realm"))
                .hasStackTraceContaining("demo tokens are enabled");
    }

    @Test
    void prodRefusesToStartWithoutJwtVerification() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod"))
                .hasStackTraceContaining("needs JWT verification");
    }

    private static void start(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--mimamori.data-dir=target/it-data/guard";
        all[args.length + 1] = "--server.port=0";
        new SpringApplicationBuilder(MimamoriApiApplication.class).run(all).close();
    }
}
