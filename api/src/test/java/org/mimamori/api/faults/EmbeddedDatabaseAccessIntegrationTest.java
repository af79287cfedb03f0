package org.mimamori.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.support.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ApplicationContext;

/**
 * The embedded database had no authentication and a world-writable socket, and the local profile listened on
 * every interface: now nobody reads a child's record without the generated password, the secrets and the socket
 * are the service user's alone, and the local service listens on loopback.
 */
class EmbeddedDatabaseAccessIntegrationTest extends IntegrationTestBase {

    @Autowired
    EmbeddedMariaDb db;

    @Autowired
    ApplicationContext context;

    @Test
    void noAccountConnectsWithoutTheGeneratedPassword() throws SQLException {
        for (String[] login : new String[][] {{"root", ""}, {"root", "root"}, {"mimamori", ""},
                {"mimamori", "wrong-password"}, {"anybody", ""}, {"", ""}}) {
            assertThatThrownBy(() -> connect(login[0], login[1]).close())
                    .as("user '%s' password '%s'", login[0], login[1])
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
        try (Connection c = connect(db.username(), db.password())) {
            assertThat(c.createStatement().executeQuery("SELECT COUNT(*) FROM score").next()).isTrue();
        }
    }

    @Test
    void theSecretsAndTheSocketAreTheServiceUsersAlone() throws IOException {
        Path dir = db.dataDir();
        assertThat(mode(dir.resolve("secrets"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("secrets/db-password"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("secrets/init.sql"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("run"))).isEqualTo("rwx------");
        assertThat(dir.resolve("run/mysqld.sock")).exists();
        assertThat(mode(dir.resolve("mariadb"))).isEqualTo("rwx------");
        assertThat(Files.readString(dir.resolve("secrets/db-password")).trim()).isEqualTo(db.password())
                .hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void theLocalProfileListensOnLoopbackOnly() throws IOException {
        TomcatWebServer web = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Object address = web.getTomcat().getConnector().getProperty("address");
        assertThat(address).isNotNull();
        assertThat(address instanceof InetAddress a ? a.isLoopbackAddress()
                : InetAddress.getByName(address.toString()).isLoopbackAddress()).isTrue();
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl() + "?connectTimeout=2000", user, password);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
