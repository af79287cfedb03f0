package org.mimamori.training.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.mimamori.training.pipeline.Progress;

/**
 * Shows progress on standard error: a bar redrawn in place on a terminal, otherwise a log line (with the
 * seconds since the start) when a step starts, ends, or every 5 seconds.
 */
final class ConsoleProgress implements Progress {

    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private String lastStep = "";
    private long lastLog;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Progress on a command's error writer: a bar when it is a terminal's. */
    static ConsoleProgress on(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null);
    }

    @Override
    public synchronized void step(String step, int done, int total) {
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * done / total);
            out.print(String.format(Locale.ROOT, "\r%-20s [%s%s] %d/%d", step, "#".repeat(filled),
                    " ".repeat(width - filled), done, total));
            if (done == total) {
                out.println();
            }
            out.flush();
            return;
        }
        long now = System.nanoTime();
        if (!step.equals(lastStep) || done == total || now - lastLog > LOG_EVERY_NANOS) {
            out.println(String.format(Locale.ROOT, "[%6.1f s] %s %d/%d", (now - start) / 1e9, step, done, total));
            out.flush();
            lastStep = step;
            lastLog = now;
        }
    }
}
