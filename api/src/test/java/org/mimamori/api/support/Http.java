package org.mimamori.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP for what a generated client cannot send: malformed JSON, oversize bodies, missing tokens. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    /** A client for {@code http://127.0.0.1:<port>}. */
    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** POSTs a JSON body, with a bearer token unless it is null. */
    public HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(token == null ? b : b.header("Authorization", "Bearer " + token));
    }

    /** GETs a path, with a bearer token unless it is null. */
    public HttpResponse<String> get(String path, String token) {
        return getExactly(withPurpose(path), token);
    }

    /**
     * Every read names a purpose; a path under {@code /api/} without one gets the purpose its resource is
     * usually read for (tests of the purpose itself use {@link #getExactly}).
     */
    static String withPurpose(String path) {
        if (!path.startsWith("/api/") || path.contains("purpose=") || path.endsWith("/similar-outcomes")) {
            return path;
        }
        String purpose = path.startsWith("/api/v1/review") ? "supervision" : path.startsWith("/api/v1/audit")
                ? "audit" : path.startsWith("/api/v1/models") ? "model_management"
                : path.startsWith("/api/v1/screenings") ? "screening" : "case_review";
        return path + (path.contains("?") ? "&" : "?") + "purpose=" + purpose;
    }

    /** A GET of exactly this path, with no purpose added. */
    public HttpResponse<String> getExactly(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        return send(token == null ? b : b.header("Authorization", "Bearer " + token));
    }

    /**
     * Sends any method with any body; {@code contentType} and {@code token} are left out when null.
     */
    public HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(token == null ? b : b.header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
