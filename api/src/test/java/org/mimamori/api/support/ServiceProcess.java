package org.mimamori.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code api/target/mimamori-api.jar}) run as a JVM of its own, so that a test can
 * {@code kill -9} it. Uses the test bundle and no demo model; output goes to {@code <data-dir>/service.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "mimamori-api.jar").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on a data directory and waits (up to 3 minutes) until it is ready. */
    public static ServiceProcess start(Path dataDir) {
        return start(dataDir, List.of());
    }

    /**
     * Starts the service on a data directory with more arguments (e.g. another profile and an external database)
     * and waits (up to 3 minutes) until it is ready.
     */
    public static ServiceProcess start(Path dataDir, List<String> arguments) {
        int port = freePort();
        Path log = dataDir.resolve("service.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", JAR.toString(), "--server.port=" + port, "--mimamori.data-dir=" + dataDir,
                "--mimamori.models.import-bundle=" + TestBundles.bundle(), "--mimamori.models.demo-when-empty=false",
                "--spring.jmx.enabled=false"));
        if (System.getProperty("mimamori.embedded-db-binaries") != null) { // the suite's one copy (api's pom)
            cmd.add("--mimamori.embedded-db-binaries=" + System.getProperty("mimamori.embedded-db-binaries"));
        }
        cmd.addAll(arguments);
        try {
            Files.createDirectories(dataDir);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ServiceProcess service = new ServiceProcess(p, port, log);
            service.awaitReady(Duration.ofMinutes(3));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Http http = new Http(port);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = http.get("/actuator/health/readiness", null);
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + within + ":\n" + tail());
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The JVM's process. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** {@code kill -9} of the JVM, waiting until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The file its output goes to. */
    public Path log() {
        return log;
    }

    /** The last lines of its output. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A port free right now on the loopback interface. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processes (server or its watchdog) whose command line names a data directory's embedded MariaDB. */
    public static List<ProcessHandle> databaseProcesses(Path dataDir) {
        String arg = "--datadir=";
        String dir = dataDir.toAbsolutePath().normalize().resolve("mariadb").toString();
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                String cmd = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
                return cmd.contains(arg) && cmd.contains(dir + "\0");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).toList();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
