package org.mimamori.api.contract;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mimamori.api.problems.BodyTooLargeException;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.UnsupportedContentException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks every request against its operation in the {@link Contract} before the controller is called: path and
 * query parameters (type, format, enum, pattern, minimum and maximum; a parameter given twice) and the JSON body
 * (read whole by {@link StrictJson}, then by the body's schema and the operation's {@link BodyCheck}s). Every problem of the request is reported at
 * once (400). The checked body is kept for the converters ({@link CheckedBodyFilter}), so what is read is what was
 * checked.
 */
@Component
class ContractInterceptor implements HandlerInterceptor {

    /** The request attribute holding the checked body's bytes. */
    static final String BODY = ContractInterceptor.class.getName() + ".body";

    /** Set by Tomcat when it could not parse the query (it then drops the parameters it could not read). */
    private static final String PARAMETERS_FAILED = "org.apache.catalina.parameter_parse_failed";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("^-?[0-9]{1,30}$");

    private final Contract contract;
    private final List<BodyCheck> checks;

    ContractInterceptor(Contract contract, List<BodyCheck> checks) {
        this.contract = contract;
        this.checks = List.copyOf(checks);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Contract.Operation op = contract.operation(method.getMethod().getName()).orElse(null);
        if (op == null) {
            return true;
        }
        List<FieldProblem> problems = new ArrayList<>();
        parameters(op, request, problems);
        if (request.getQueryString() != null && !form(request)) {
            request.getParameterMap(); // Tomcat parses the query only when asked; a JSON body is not read by this
        }
        if (request.getAttribute(PARAMETERS_FAILED) != null) {
            problems.add(new FieldProblem("(query)", "読めませんでした：パーセントエンコーディングの誤り、またはパラメーターが多すぎます",
                    "could not be read: bad percent-encoding or too many parameters"));
        }
        if (op.jsonBody() != null) {
            requireUtf8(request);
            byte[] body;
            try {
                body = request.getInputStream().readAllBytes(); // through the body-size limit
            } catch (BodyTooLargeException e) {
                throw e;
            } catch (IOException e) {
                throw new InvalidRequestException(List.of(FieldProblem.BODY_CUT_OFF));
            }
            request.setAttribute(BODY, body); // read again by the converters (CheckedBodyFilter)
            JsonNode value = StrictJson.read(body, problems);
            if (value != null) {
                SchemaChecker.check(op.jsonBody(), value, "", problems);
                for (BodyCheck check : checks) {
                    if (check.operation().equals(op.id())) {
                        check.check(value, problems);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream().map(ContractInterceptor::named).toList());
        }
        return true;
    }

    /** A form or multipart body, which asking for the parameters would read (uploads' parts are read later). */
    private static boolean form(HttpServletRequest request) {
        String type = request.getContentType();
        String t = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/");
    }

    /** A problem with the body itself (empty field name) is the body's. */
    private static FieldProblem named(FieldProblem p) {
        return p.field().isEmpty() ? new FieldProblem("(body)", p.message()) : p;
    }

    private static void requireUtf8(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return;
        }
        try {
            Charset charset = MediaType.parseMediaType(type).getCharset();
            if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
                return;
            }
        } catch (RuntimeException e) {
            // an unreadable Content-Type is refused below
        }
        throw new UnsupportedContentException("本文は UTF-8 の JSON（Content-Type: application/json）で送ってください。",
                "Send the body as JSON in UTF-8 (Content-Type: application/json).");
    }

    private static void parameters(Contract.Operation op, HttpServletRequest request, List<FieldProblem> problems) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        for (Contract.Parameter p : op.parameters()) {
            switch (p.in()) {
                case "path" -> {
                    String v = path == null ? null : path.get(p.name());
                    if (v != null) {
                        SchemaChecker.check(p.schema(), parameter(p.schema(), v), p.name(), problems);
                    }
                }
                case "query" -> {
                    String[] values = request.getParameterValues(p.name());
                    if (values == null) {
                        if (p.required()) {
                            problems.add(new FieldProblem(p.name(), "必須です", "is required"));
                        }
                    } else if (values.length > 1) {
                        problems.add(new FieldProblem(p.name(), "1 回だけ指定してください", "must be given once"));
                    } else {
                        SchemaChecker.check(p.schema(), parameter(p.schema(), values[0]), p.name(), problems);
                    }
                }
                default -> {
                    // headers (Accept-Language) take any text
                }
            }
        }
    }

    /** A parameter's text as the JSON value its schema's type expects, or as text when it is not one. */
    private static JsonNode parameter(JsonNode schema, String text) {
        switch (schema.path("type").asText("string")) {
            case "integer" -> {
                return WHOLE_NUMBER.matcher(text).matches() ? BigIntegerNode.valueOf(new BigInteger(text))
                        : TextNode.valueOf(text);
            }
            case "boolean" -> {
                return text.equals("true") || text.equals("false") ? BooleanNode.valueOf(text.equals("true"))
                        : TextNode.valueOf(text);
            }
            default -> {
                return TextNode.valueOf(text);
            }
        }
    }
}
