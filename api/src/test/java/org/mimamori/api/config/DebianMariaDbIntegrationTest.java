package org.mimamori.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.DataDirs;

/**
 * The test set-up's external database ({@link DebianMariaDb}): the accounts of deploy/db/create-accounts.sh with
 * what each may do, passwords in owner-only files, loopback only, and no server left once it is closed.
 */
class DebianMariaDbIntegrationTest {

    @Test
    void accountsAsProductionSetsThemUpAndNoServerLeftAfterClose() throws Exception {
        Assumptions.assumeTrue(DebianMariaDb.missing().isEmpty(), () -> "Skipped: " + DebianMariaDb.missing()
                .orElse(""));
        Path dir = DataDirs.fresh("debian-mariadb");
        long pid;
        try (DebianMariaDb db = DebianMariaDb.start(dir)) {
            pid = db.pid();
            assertThat(db.jdbcUrl()).startsWith("jdbc:mariadb://127.0.0.1:");
            assertThat(Files.getPosixFilePermissions(db.passwordFile("service")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (Connection owner = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.password("owner"));
                 Statement s = owner.createStatement()) {
                s.execute("CREATE TABLE probe (id INT PRIMARY KEY)");
                s.execute("INSERT INTO probe VALUES (1)");
            }
            // The service has no privilege of its own until the service grants it its tables after migrating.
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.serviceUser(),
                    db.password("service")).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied for user 'mimamori'@'127.0.0.1' to database 'mimamori'");
            try (Connection auditor = db.readOnly(); Statement s = auditor.createStatement()) {
                assertThat(s.executeQuery("SELECT COUNT(*) FROM probe").next()).isTrue();
                assertThatThrownBy(() -> s.execute("INSERT INTO probe VALUES (2)")).isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.serviceUser(), "wrong-password"))
                    .isInstanceOf(SQLException.class);
            assertThat(db.runAsAdministrator("SELECT COUNT(*) FROM mysql.global_priv WHERE User = ''"))
                    .contains("0");
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the server after close")
                .isFalse();
        DataDirs.remove(dir);
    }
}
