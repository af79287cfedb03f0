package org.mimamori.api.problems;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mimamori.model.schema.LocalizedText;
import org.springframework.http.HttpHeaders;
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
     * @param detail   what went wrong, for people, in both languages
     * @param request  the request, for the {@code instance} member
     * @throws IOException when the response cannot be written
     */
    public void write(HttpServletResponse response, HttpStatus status, LocalizedText detail,
            HttpServletRequest request) throws IOException {
        Locale locale = Languages.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail.in(locale));
        problem.setTitle(ProblemTexts.title(status.value(), locale));
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        problem.setType(ProblemTypes.of(status));
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(instance(original instanceof String uri ? uri : request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * Writes a problem with the status's own detail (e.g. 403: "Your role may not do this.").
     *
     * @param response the response, not yet committed
     * @param status   the status
     * @param request  the request
     * @throws IOException when the response cannot be written
     */
    public void write(HttpServletResponse response, HttpStatus status, HttpServletRequest request)
            throws IOException {
        write(response, status, standard(status), request);
    }

    /** The status's own detail, in both languages, e.g. for 401 "A valid bearer token is needed.". */
    public static LocalizedText standard(HttpStatus status) {
        return ProblemTexts.detail(status.value());
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
