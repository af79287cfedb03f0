package org.mimamori.api.problems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.mimamori.model.data.InvalidCaseException;
import org.mimamori.model.schema.LocalizedText;
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

    /** What every field refused by the contract's declared form is told. */
    static final LocalizedText CONTRACT_FORM = new LocalizedText("契約（API 仕様）で定められた形式ではありません",
            "does not have the form the contract describes");

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
                .map(p -> new FieldProblem("items." + p.field(), p.text())).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.text());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.text());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        ResponseEntity<ProblemDetail> p = problem(HttpStatus.FORBIDDEN, e.text());
        p.getBody().setTitle(e.title().in(Languages.current()));
        return p;
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.text());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, e.text());
    }

    @ExceptionHandler(BodyReadTimeoutException.class)
    ResponseEntity<ProblemDetail> tooSlow(BodyReadTimeoutException e) {
        ResponseEntity<ProblemDetail> p = problem(HttpStatus.REQUEST_TIMEOUT, e.text());
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).headers(p.getHeaders())
                .header(HttpHeaders.CONNECTION, "close").body(p.getBody());
    }

    @ExceptionHandler(UnsupportedContentException.class)
    ResponseEntity<ProblemDetail> unsupportedContent(UnsupportedContentException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.text());
    }

    /** A multipart body that cannot be parsed (e.g. no boundary); too large ones are 413 (the base class). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
        return badRequest(List.of(new FieldProblem("(body)",
                "multipart/form-data の本文として読めません。ファイルは Content-Type に boundary を付け、パート 'file' として送ってください",
                "is not a readable multipart/form-data body: "
                        + "send the file as the part 'file' with a boundary in the Content-Type")));
    }

    /** A body Tomcat could not read (e.g. a broken chunked encoding): the client's mistake. */
    @ExceptionHandler(org.apache.coyote.BadRequestException.class)
    ResponseEntity<ProblemDetail> unreadableBody(org.apache.coyote.BadRequestException e) {
        return badRequest(List.of(FieldProblem.BODY_CUT_OFF));
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseDown(RuntimeException e) {
        LOG.error("The database could not serve the request: {}", e.toString());
        // A commit cut off by a lost connection may have been applied (on Galera: certified by the other nodes
        // before the node died), so only then is the outcome unknown; any earlier failure was rolled back.
        LocalizedText detail = e instanceof TransactionSystemException
                ? new LocalizedText("データベースがコミットを確認できませんでした（接続が切れました）。記録されたかどうかは"
                        + "分かりません。送り直す前に、記録があるか（例：その子どものスコア）を確かめてください。",
                        "The database did not confirm the commit (connection lost), so it is not known whether this "
                        + "was recorded. Look for it (e.g. the child's scores) before sending it again.")
                : new LocalizedText("データベースが利用できないため、今は記録も読み出しもできません。何も記録していません。"
                        + "数秒後にもう一度お試しください。",
                        "The service cannot record or read right now (database unavailable); nothing was recorded. "
                        + "Try again in a few seconds.");
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
            return new FieldProblem(field == null ? "(request)" : field, validatorText(v.getMessage()));
        }).toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldProblem(e.getName(), CONTRACT_FORM)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTexts.detail(500));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(fe.getField(), "Pattern".equals(fe.getCode())
                    ? CONTRACT_FORM : validatorText(fe.getDefaultMessage())));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge -> problems.add(new FieldProblem("(body)", CONTRACT_FORM)));
        return cast(badRequest(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> problems.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), validatorText(err.getDefaultMessage())))));
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
        return cast(badRequest(List.of(new FieldProblem(e.getRequestPartName(), "必須です", "is required"))));
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

    /**
     * What the base class answers by itself (405, 406, 415, a multipart upload over Spring's limit, ...): its title
     * and detail are Spring's English, so they are replaced by the status's words in the reader's language.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail p) {
            if (p.getType() != null && "about:blank".equals(p.getType().toString())) {
                p.setType(ProblemTypes.of(status));
            }
            Locale locale = Languages.current();
            p.setTitle(ProblemTexts.title(status.value(), locale));
            p.setDetail(ProblemTexts.detail(status.value()).in(locale));
            HttpHeaders localized = new HttpHeaders();
            if (headers != null) {
                localized.putAll(headers);
            }
            localized.set(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
            return super.createResponseEntity(body, localized, status, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * Names the field of a body that could not be read, from Jackson's path; never Jackson's own message (it
     * names Java types). The contract's checks normally refuse such bodies first, with better words.
     */
    static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return new FieldProblem(path(u), "定義されていない項目です", "is not a known field");
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new FieldProblem(path(m), "型または値が誤っています", "has the wrong type or value");
        }
        return cause == null ? new FieldProblem("(body)", "JSON の本文が必要です", "a JSON body is required")
                : new FieldProblem("(body)", "JSON として正しくありません", "is not valid JSON");
    }

    /**
     * A Bean Validation message: the validator has already put it in the request's language (Spring's locale
     * context), so it stands for both. The contract's checks normally refuse such values first.
     */
    private static LocalizedText validatorText(String message) {
        return message == null ? CONTRACT_FORM : LocalizedText.of(message);
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
        Locale locale = Languages.current();
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.BAD_REQUEST, ProblemTexts.INVALID, locale);
        r.getBody().setProperty("errors", problems.stream().map(fp -> fp.in(locale)).toList());
        return r;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, LocalizedText detail) {
        return problem(status, detail, Languages.current());
    }

    /** A problem whose title and detail are in the reader's language, which {@code Content-Language} names. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, LocalizedText detail, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail.in(locale));
        p.setTitle(ProblemTexts.title(status.value(), locale));
        p.setType(ProblemTypes.of(status));
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage()).body(p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }
}
