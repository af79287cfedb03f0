package org.mimamori.api.audit;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose explicit flushes are held back until the request ends, so that a client cannot have read a
 * whole answer before its audit record is written ({@link AccessAuditFilter}). A body larger than the buffer
 * still flows as the buffer fills; its end is sent only when the request ends.
 */
final class HeldResponse extends HttpServletResponseWrapper {

    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void flushBuffer() {
        // held until the request ends
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream out = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return out.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    out.setWriteListener(listener);
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void flush() {
                    // held until the request ends
                }

                @Override
                public void close() {
                    // closed by the container when the request ends
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(super.getWriter()) {
                @Override
                public void flush() {
                    // held until the request ends
                }

                @Override
                public void close() {
                    // closed by the container when the request ends
                }
            };
        }
        return writer;
    }
}
