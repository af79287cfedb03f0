package org.mimamori.api.problems;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/** The {@code type} URIs of Mimamori's problems, e.g. {@code urn:mimamori:problem:invalid-request}. */
final class ProblemTypes {

    private ProblemTypes() {
    }

    static URI of(HttpStatusCode status) {
        String name = switch (status.value()) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> status.is5xxServerError() ? "server-error" : "http-" + status.value();
        };
        return URI.create("urn:mimamori:problem:" + name);
    }
}
