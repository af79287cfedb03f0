package org.mimamori.api.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@code mysqld}, started under a small shell watchdog so that it cannot outlive the JVM.
 *
 * <p>The watchdog ({@code sh}) starts the server in the background and then waits on a pipe from the JVM. When
 * the JVM closes the pipe — on a clean stop, and equally when the JVM is killed ({@code kill -9}, the kernel's
 * OOM killer), because the kernel closes a dead process's pipes — the watchdog asks the server to shut down
 * ({@code SIGTERM}), waits up to 30 s, and kills it if it is still there. The server's output goes to
 * {@code mariadb.log} in the data directory.
 */
final class MariaDbProcess {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbProcess.class);

    /** Shell watchdog: $1.. = the server command; prints the server's pid, then waits for EOF on stdin. */
    private static final String WATCHDOG = """
            "$@" >>"$MIMAMORI_DB_LOG" 2>&1 </dev/null &
            pid=$!
            echo "$pid"
            read -r _ || true
            kill -TERM "$pid" 2>/dev/null
            i=0
            while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 300 ]; do sleep 0.1; i=$((i+1)); done
            kill -KILL "$pid" 2>/dev/null
            exit 0
            """;

    private final Process watchdog;
    private final OutputStream lifeline;
    private final ProcessHandle server;

    private MariaDbProcess(Process watchdog, ProcessHandle server) {
        this.watchdog = watchdog;
        this.lifeline = watchdog.getOutputStream();
        this.server = server;
    }

    /**
     * Starts the server (it is not ready for connections yet when this returns).
     *
     * @param command the server's command line
     * @param libDir  the folder of the server's shared libraries
     * @param log     the file the server's output is appended to
     */
    static MariaDbProcess launch(List<String> command, Path libDir, Path log) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "mimamori-mariadb-watchdog"));
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("MIMAMORI_DB_LOG", log.toString());
        pb.environment().put("LD_LIBRARY_PATH", libDir.toString());
        try {
            Process watchdog = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(watchdog.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (line == null || !line.trim().matches("\\d+")) {
                watchdog.destroyForcibly();
                throw new IllegalStateException("the embedded MariaDB's watchdog did not start: " + line);
            }
            long pid = Long.parseLong(line.trim());
            ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() ->
                    new IllegalStateException("the embedded MariaDB exited at once; see " + log));
            return new MariaDbProcess(watchdog, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded MariaDB", e);
        }
    }

    /** The server's process id. */
    long pid() {
        return server.pid();
    }

    /** True while the server process lives (a dead server not yet reaped by its watchdog is a zombie). */
    boolean isAlive() {
        return server.isAlive() && !isZombie(server.pid());
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Asks the server to shut down through its watchdog and waits for it; kills it if it does not stop. */
    void stop(Duration patience) {
        try {
            lifeline.close();
        } catch (IOException e) {
            LOG.debug("watchdog pipe already closed: {}", e.getMessage());
        }
        try {
            if (!watchdog.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The embedded MariaDB did not stop within {} s; killing it", patience.toSeconds());
                server.destroyForcibly();
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
            watchdog.destroyForcibly();
        }
    }

    /** Ends the watchdog of a server that already died, so that no shell is left behind. */
    void discard() {
        watchdog.destroyForcibly();
    }

    /**
     * Stops every process left over from an earlier run on this data directory: a server (or its watchdog)
     * whose command line names it. Such an orphan holds the InnoDB locks ({@code Unable to lock ./ibdata1}).
     *
     * @param dataDirArgument the exact {@code --datadir=...} argument of this directory's server
     * @return how many processes were stopped
     */
    static int stopLeftovers(String dataDirArgument) {
        List<ProcessHandle> stale = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> arguments(p).contains(dataDirArgument))
                .toList();
        for (ProcessHandle p : stale) {
            LOG.warn("Stopping a leftover embedded MariaDB process {} from an earlier run ({})", p.pid(),
                    p.info().command().orElse("?"));
            p.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle p : stale) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : stale) {
            for (int i = 0; i < 100 && p.isAlive(); i++) {
                sleep(100);
            }
        }
        return stale.size();
    }

    private static List<String> arguments(ProcessHandle p) {
        // ProcessHandle.Info may truncate long command lines; /proc holds them whole.
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return p.info().arguments().map(List::of).orElse(List.of());
        }
    }

    /** The last lines of a log file, for an error message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
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
