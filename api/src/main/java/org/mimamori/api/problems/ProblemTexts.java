package org.mimamori.api.problems;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The fixed wording of problems raised outside the controllers (Tomcat, the {@code /error} page). */
final class ProblemTexts {

    private ProblemTexts() {
    }

    /** What went wrong, for people, by status; never the container's own message. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read (e.g. a malformed address, bad percent-encoding or headers).";
            case 401 -> "A valid bearer token is needed.";
            case 403 -> "Your role may not do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take this method.";
            case 406 -> "The answer can only be JSON (application/json or application/problem+json).";
            case 408 -> "The request took too long to arrive.";
            case 411 -> "The request needs a Content-Length or a chunked body.";
            case 413 -> "The request is larger than allowed. Nothing was stored.";
            case 414 -> "The address is too long.";
            case 415 -> "The body's media type is not one this address reads.";
            case 431 -> "The request's headers are too large.";
            case 501 -> "This method is not implemented.";
            case 503 -> "The service is not available right now.";
            default -> status >= 500 ? "An unexpected error occurred; it was logged." : "The request was refused.";
        };
    }

    /** The title of a status, e.g. {@code Not Found}. */
    static String title(int status) {
        HttpStatus s = HttpStatus.resolve(status);
        return s == null ? "Error" : s.getReasonPhrase();
    }

    /** A problem as JSON text, for writers without an object mapper. */
    static String json(int status) {
        URI type = ProblemTypes.of(org.springframework.http.HttpStatusCode.valueOf(status));
        return "{\"type\":\"" + type + "\",\"title\":\"" + title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\"}";
    }
}
