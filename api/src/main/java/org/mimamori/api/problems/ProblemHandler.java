package org.mimamori.api.problems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.mimamori.model.data.InvalidCaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into problem details. Input problems become 400 with an {@code errors} list naming each
 * field; a database that cannot record becomes 503; anything unexpected becomes a 500 without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private final String retryAfter;

    /** @param retryAfter what a 503 for an unavailable database suggests (as the database gate's, see database) */
    ProblemHandler(@Value("${mimamori.database.retry-after:5s}") Duration retryAfter) {
        this.retryAfter = Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(InvalidCaseException.class)
    ResponseEntity<ProblemDetail> invalidCase(InvalidCaseException e) {
        return badRequest(e.problems().stream()
                .map(p -> new FieldProblem("items." + p.field(), p.message())).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(BodyReadTimeoutException.class)
    ResponseEntity<ProblemDetail> tooSlow(BodyReadTimeoutException e) {
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).header(HttpHeaders.CONNECTION, "close")
                .body(problem(HttpStatus.REQUEST_TIMEOUT, e.getMessage()).getBody());
    }

    @ExceptionHandler(UnsupportedContentException.class)
    ResponseEntity<ProblemDetail> unsupportedContent(UnsupportedContentException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    /** A multipart body that cannot be parsed (e.g. no boundary); too large ones are 413 (the base class). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
        return badRequest(List.of(new FieldProblem("(body)", "is not a readable multipart/form-data body: "
                + "send the file as the part 'file' with a boundary in the Content-Type")));
    }

    /** A body Tomcat could not read (e.g. a broken chunked encoding): the client's mistake. */
    @ExceptionHandler(org.apache.coyote.BadRequestException.class)
    ResponseEntity<ProblemDetail> unreadableBody(org.apache.coyote.BadRequestException e) {
        return badRequest(List.of(new FieldProblem("(body)", "could not be read (a broken chunked encoding, or "
                + "the connection ended before the body did)")));
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseDown(RuntimeException e) {
        LOG.error("The database could not serve the request: {}", e.toString());
        // A commit cut off by a lost connection may have been applied (on Galera: certified by the other nodes
        // before the node died), so only then is the outcome unknown; any earlier failure was rolled back.
        String detail = e instanceof TransactionSystemException
                ? "The database did not confirm the commit (connection lost), so it is not known whether this "
                        + "was recorded. Look for it (e.g. the child's scores) before sending it again."
                : "The service cannot record or read right now (database unavailable); nothing was recorded. "
                        + "Try again in a few seconds.";
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, detail);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, retryAfter).body(problem.getBody());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        return badRequest(e.getConstraintViolations().stream().map(v -> {
            String field = null;
            for (Path.Node node : v.getPropertyPath()) {
                field = node.getName();
            }
            return new FieldProblem(field == null ? "(request)" : field, v.getMessage());
        }).toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldProblem(e.getName(), "does not have the form the contract describes")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it was logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(fe.getField(), "Pattern".equals(fe.getCode())
                    ? "does not have the form the contract describes" : fe.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(ge -> problems.add(new FieldProblem("(body)", ge.getDefaultMessage())));
        return cast(badRequest(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> problems.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return cast(badRequest(problems));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return cast(problem(HttpStatus.NOT_FOUND, ProblemTexts.detail(404)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(badRequest(List.of(new FieldProblem(e.getRequestPartName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return cast(tooLarge(tooLarge));
            }
            if (t instanceof BodyReadTimeoutException slow) {
                return cast(tooSlow(slow));
            }
        }
        return cast(badRequest(List.of(unreadable(e.getCause()))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail p && p.getType() != null && "about:blank".equals(p.getType().toString())) {
            p.setType(ProblemTypes.of(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * Names the field of a body that could not be read, from Jackson's path; never Jackson's own message (it
     * names Java types). The contract's checks normally refuse such bodies first, with better words.
     */
    static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return new FieldProblem(path(u), "is not a known field");
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new FieldProblem(path(m), "has the wrong type or value");
        }
        return new FieldProblem("(body)", cause == null ? "a JSON body is required" : "is not valid JSON");
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<FieldProblem> problems) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request is invalid; see errors. Nothing was stored.");
        p.setTitle("Invalid request");
        p.setType(ProblemTypes.of(HttpStatus.BAD_REQUEST));
        p.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(p);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(ProblemTypes.of(status));
        return ResponseEntity.status(status).body(p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }
}
