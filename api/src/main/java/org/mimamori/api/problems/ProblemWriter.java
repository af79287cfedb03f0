package org.mimamori.api.problems;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes problem details where no controller advice applies: security filters and the body-size filter. */
@Component
public final class ProblemWriter {

    private final ObjectMapper json;

    /**
     * @param json the application's object mapper
     */
    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Writes a problem as the response.
     *
     * @param response the response, not yet committed
     * @param status   the status
     * @param detail   what went wrong, for people
     * @param request  the request, for the {@code instance} member
     * @throws IOException when the response cannot be written
     */
    public void write(HttpServletResponse response, HttpStatus status, String detail, HttpServletRequest request)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(status));
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(instance(original instanceof String uri ? uri : request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The {@code instance} of a problem about a request to {@code path}, or null when it is no valid URI. */
    static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
