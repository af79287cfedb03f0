package org.mimamori.api.config;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body stream that checks a rule around every read (a size limit, a deadline) and otherwise passes
 * everything through. Subclasses say what to check.
 */
abstract class GuardedInputStream extends ServletInputStream {

    private final ServletInputStream in;

    GuardedInputStream(ServletInputStream in) {
        this.in = in;
    }

    /** Checked before each read. */
    abstract void beforeRead() throws IOException;

    /** Checked after each read, with how many bytes it gave (0 at the end). */
    abstract void afterRead(int bytes) throws IOException;

    @Override
    public int read() throws IOException {
        beforeRead();
        int b = in.read();
        afterRead(b >= 0 ? 1 : 0);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        beforeRead();
        int n = in.read(b, off, len);
        afterRead(Math.max(n, 0));
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
