package org.mimamori.api.support;

import java.nio.file.Path;

import org.mimamori.api.MimamoriApiApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service on a random port, with a real embedded MariaDB on a fresh data directory and the test
 * bundle registered; shared by the integration tests that extend it (one Spring context).
 */
@SpringBootTest(classes = MimamoriApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
public abstract class IntegrationTestBase {

    private static final Path DATA_DIR = DataDirs.fresh("shared");

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mimamori.data-dir", DATA_DIR::toString);
        registry.add("mimamori.models.import-bundle", () -> TestBundles.bundle().toString());
        registry.add("mimamori.models.demo-when-empty", () -> "false");
    }

    /** Generated clients of the running server. */
    protected Clients clients() {
        return new Clients(port);
    }

    /** Raw HTTP to the running server. */
    protected Http http() {
        return new Http(port);
    }

    /** The newest audit record's number (0 when none). */
    protected long lastAuditId() {
        Long n = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
        return n == null ? 0 : n;
    }

    /** The outcomes of the audit records written after record {@code id}, in order. */
    protected java.util.List<String> auditOutcomesAfter(long id) {
        return jdbc.queryForList("SELECT outcome FROM audit_event WHERE id > ? ORDER BY id", String.class, id);
    }

    /** Rows in a table. */
    protected long rows(String table) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }
}
