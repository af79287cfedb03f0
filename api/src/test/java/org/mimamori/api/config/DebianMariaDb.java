package org.mimamori.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external database as a municipality runs it: Debian's {@code mariadb-server} ({@code /usr/sbin/mariadbd}),
 * in a fresh data directory made with {@code mariadb-install-db}, on a free loopback port and a socket of its own,
 * with the database and the three accounts made by {@code deploy/db/create-accounts.sh} (docs/governance.md, "The
 * database accounts"): {@code mimamori_owner} runs the migrations, {@code mimamori} is the service (the service
 * grants it its table privileges), {@code mimamori_audit} reads. The server runs under the same watchdog as the
 * embedded one ({@link MariaDbProcess}), so that it cannot outlive the test JVM, even after {@code kill -9}; a
 * server left on the same directory by an earlier run is stopped first. {@link #close()} stops it; the data stay
 * until the directory is removed.
 */
public final class DebianMariaDb implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");
    private static final Path CLIENT = Path.of("/usr/bin/mariadb");
    private static final Path CREATE_ACCOUNTS = Path.of("..", "deploy", "db", "create-accounts.sh").toAbsolutePath()
            .normalize();
    private static final String HOST = "127.0.0.1";

    private final Path dir;
    private final int port;
    private final Path socket;
    private final MariaDbProcess process;
    private boolean stopped;

    private DebianMariaDb(Path dir, int port, Path socket, MariaDbProcess process) {
        this.dir = dir;
        this.port = port;
        this.socket = socket;
        this.process = process;
    }

    /** Why this machine cannot run it (a program missing), or empty when it can. CI installs mariadb-server. */
    public static Optional<String> missing() {
        for (Path p : List.of(SERVER, INSTALL, CLIENT)) {
            if (!Files.isExecutable(p)) {
                return Optional.of(p + " is not installed (Debian's mariadb-server and mariadb-client; .ci/run "
                        + "installs them)");
            }
        }
        return Optional.empty();
    }

    /** Installs a fresh server in {@code dir}, starts it, and makes the database and its accounts. */
    public static DebianMariaDb start(Path dir) {
        missing().ifPresent(m -> {
            throw new IllegalStateException(m);
        });
        Path data = dir.resolve("data").toAbsolutePath();
        MariaDbProcess.stopLeftovers("--datadir=" + data);
        Path tmp = dir.resolve("tmp").toAbsolutePath(); // its own, not the machine's shared /tmp
        String user = System.getProperty("user.name");
        try {
            Files.createDirectories(data);
            Files.createDirectories(tmp);
            run(dir.resolve("install.log"), INSTALL.toString(), "--no-defaults", "--user=" + user,
                    "--datadir=" + data, "--tmpdir=" + tmp, "--auth-root-authentication-method=socket",
                    "--skip-test-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
        Path socket = dir.resolve("mariadb.sock").toAbsolutePath();
        Path log = dir.resolve("mariadb.log").toAbsolutePath();
        MariaDbProcess process = MariaDbProcess.launch(List.of(SERVER.toString(), "--no-defaults", "--user=" + user,
                "--datadir=" + data, "--tmpdir=" + tmp, "--socket=" + socket, "--port=" + port, "--bind-address=" + HOST,
                "--pid-file=" + dir.resolve("mariadb.pid").toAbsolutePath(), "--skip-name-resolve",
                "--innodb-buffer-pool-size=256M", "--max-connections=200"), Path.of("/usr/lib"), log);
        DebianMariaDb db = new DebianMariaDb(dir.toAbsolutePath(), port, socket, process);
        try {
            db.awaitAdministrator(Duration.ofSeconds(60), log);
            db.runAsAdministrator("DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;");
            db.createAccounts();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private void awaitAdministrator(Duration within, Path log) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                runAsAdministrator("SELECT 1");
                return;
            } catch (IllegalStateException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Debian's MariaDB did not start; its log ends:\n"
                            + MariaDbProcess.tail(log, 30), e);
                }
            }
            sleep(200);
        }
    }

    /** Passwords in owner-only files, as an operator keeps them, then the production script. */
    private void createAccounts() {
        Path secrets = dir.resolve("secrets");
        try {
            Files.createDirectories(secrets);
            for (String who : List.of("owner", "service", "auditor")) {
                Path f = secrets.resolve(who);
                Files.writeString(f, randomPassword() + "\n", StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(dir.resolve("create-accounts.log"), "bash", CREATE_ACCOUNTS.toString(), "--host", HOST,
                "--owner-password-file", secrets.resolve("owner").toString(),
                "--service-password-file", secrets.resolve("service").toString(),
                "--auditor-password-file", secrets.resolve("auditor").toString(),
                "--", "--no-defaults", "--socket=" + socket, "-u", System.getProperty("user.name"));
    }

    /** The service's JDBC URL. */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + HOST + ":" + port + "/" + EmbeddedMariaDb.DATABASE;
    }

    /** The service's account at run time. */
    public String serviceUser() {
        return "mimamori";
    }

    /** The value of {@code mimamori.database.service-account}. */
    public String serviceAccount() {
        return "'" + serviceUser() + "'@'" + HOST + "'";
    }

    /** The owner account that runs the migrations ({@code spring.flyway.user}). */
    public String ownerUser() {
        return "mimamori_owner";
    }

    /** The read-only account of {@code verify-audit} and the backup. */
    public String auditorUser() {
        return "mimamori_audit";
    }

    /** The file holding a password: {@code owner}, {@code service} or {@code auditor}. */
    public Path passwordFile(String who) {
        return dir.resolve("secrets").resolve(who);
    }

    /** The password of {@code owner}, {@code service} or {@code auditor}. */
    public String password(String who) {
        try {
            return Files.readString(passwordFile(who), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A read-only connection (the auditor account), for a test's counts. */
    public Connection readOnly() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), auditorUser(), password("auditor"));
    }

    /** The server's process id. */
    public long pid() {
        return process.pid();
    }

    /** Runs SQL as the server's administrator through its socket. */
    public String runAsAdministrator(String sql) {
        return run(null, CLIENT.toString(), "--no-defaults", "--socket=" + socket, "-u",
                System.getProperty("user.name"), "--batch", "-e", sql);
    }

    /** Stops the server (waiting for it; killing it after 40 s). Safe to call twice. */
    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            process.stop(Duration.ofSeconds(40));
        }
    }

    private static String run(Path log, String... command) {
        List<String> argv = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (log != null) {
                Files.writeString(log, out);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command[0]).getFileName() + " failed (" + p.exitValue()
                        + "): " + out.trim());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
