package org.mimamori.api.problems;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, where Tomcat sends errors raised outside Spring MVC, e.g. in a
 * filter or by {@code sendError}) as problem details, whatever the caller accepts. It replaces Spring Boot's
 * HTML and JSON error pages.
 */
@RestController
class ErrorProblemController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = status(request);
        Locale locale = Languages.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                ProblemTexts.detail(status).in(locale));
        p.setTitle(ProblemTexts.title(status, locale));
        p.setType(ProblemTypes.of(HttpStatusCode.valueOf(status)));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            p.setInstance(ProblemWriter.instance(uri));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage()).body(p);
    }

    private static int status(HttpServletRequest request) {
        for (Object t = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); t instanceof Throwable e;
             t = e.getCause()) {
            if (e instanceof BodyTooLargeException) {
                return HttpStatus.PAYLOAD_TOO_LARGE.value();
            }
            if (e instanceof org.apache.coyote.BadRequestException) {
                return HttpStatus.BAD_REQUEST.value(); // e.g. a broken chunked body read by a filter
            }
            if (e.getCause() == e) {
                break;
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return status < 400 ? 500 : status;
    }
}
