package org.mimamori.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what no HTTP client sends: malformed request lines, bad percent-encoding,
 * hand-made chunked bodies. Every request closes its connection.
 */
public final class Raw {

    /** A response: status, headers (lower-case names) and the body (de-chunked). */
    public record Response(int status, Map<String, String> headers, String body) {

        /** The Content-Type, or an empty string. */
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final int port;

    /** Requests to {@code 127.0.0.1:<port>}. */
    public Raw(int port) {
        this.port = port;
    }

    /** Sends {@code head} (request line and headers, without the blank line; Connection: close is added) and body. */
    public Response send(String head, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return send(request.toByteArray());
    }

    /** A chunked body of {@code body}, in chunks of {@code size} bytes. */
    public static byte[] chunked(byte[] body, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += size) {
            int n = Math.min(size, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Sends raw bytes and reads the response until the server closes the connection. */
    public Response send(byte[] request) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it read everything; read what it said
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    all.write(buf, 0, n);
                }
            } catch (IOException e) {
                if (all.size() == 0) {
                    throw e;
                }
            }
            return parse(all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(byte[] raw) {
        String latin = new String(raw, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
        int end = latin.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP response: " + new String(raw, StandardCharsets.UTF_8));
        }
        String[] lines = latin.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            int at = end + 4;
            while (at < latin.length()) {
                int lineEnd = latin.indexOf("\r\n", at);
                int n = Integer.parseInt(latin.substring(at, lineEnd).trim(), 16); // chunk sizes count bytes
                if (n == 0) {
                    break;
                }
                body.write(raw, lineEnd + 2, n);
                at = lineEnd + 2 + n + 2;
            }
        } else {
            body.write(raw, end + 4, raw.length - end - 4);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }
}
