package org.mimamori.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.config.TestDatabases;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.TestBundles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service as production runs it, started once per test JVM: the {@code prod} profile (no demo tokens, no
 * embedded database of its own), an external MariaDB (started here for it), and JWT verification with the
 * public key of {@link Tokens}, the test issuer and audience, exactly through the documented properties.
 */
final class ProductionService {

    private static ProductionService running;

    private final ConfigurableApplicationContext context;
    private final EmbeddedMariaDb database;
    private final Tokens tokens;

    private ProductionService(ConfigurableApplicationContext context, EmbeddedMariaDb database, Tokens tokens) {
        this.context = context;
        this.database = database;
        this.tokens = tokens;
    }

    /** The running service, started on first use and stopped when the test JVM ends. */
    static synchronized ProductionService get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "production-service-stop"));
        }
        return running;
    }

    private static ProductionService start() {
        Path dir = DataDirs.fresh("prod");
        Tokens tokens = Tokens.generate();
        Path publicKey = dir.resolve("idp-public.pem");
        try {
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(tokens.publicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedMariaDb db = TestDatabases.start(dir.resolve("external-db"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MimamoriApiApplication.class).run(
                "--spring.profiles.active=prod",
                "--server.port=0", "--server.address=127.0.0.1", "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                // As documented for an external database: migrations as the owner, the service with table rights.
                "--spring.flyway.user=" + db.ownerName(),
                "--spring.flyway.password=" + db.password(),
                "--mimamori.database.service-account='" + db.username() + "'@'127.0.0.1'",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Tokens.ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + Tokens.AUDIENCE,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--mimamori.data-dir=" + dir,
                "--mimamori.models.import-bundle=" + TestBundles.bundle());
        return new ProductionService(context, db, tokens);
    }

    /** Raw HTTP to it. */
    Http http() {
        return new Http(port());
    }

    /** Its port on 127.0.0.1. */
    int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Tokens its identity provider would issue, and tokens it must refuse. */
    Tokens tokens() {
        return tokens;
    }

    /** Its database. */
    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** A bean of the running service, e.g. its contract. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Rows in a table of its database. */
    long rows(String table) {
        Long n = jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    private void stop() {
        context.close();
        database.stop();
    }
}
