package org.mimamori.api.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.mimamori.api.problems.FieldProblem;

/**
 * Checks a JSON value against a (resolved) schema of the contract, the OpenAPI 3.0 subset it uses: {@code type},
 * {@code nullable}, {@code enum}, {@code required}, {@code properties}, {@code additionalProperties},
 * {@code items}, {@code minItems}/{@code maxItems}, {@code minLength}/{@code maxLength} (in characters),
 * {@code pattern}, {@code minimum}/{@code maximum} and the formats {@code int32}, {@code int64}, {@code uuid} and
 * {@code date}. Every problem is collected, each naming its field; messages never echo the value sent.
 *
 * <p>A {@code null} for a property that is not required is the same as leaving it out. Dates are
 * {@code YYYY-MM-DD} between {@link #EARLIEST} and {@link #LATEST}.
 */
final class SchemaChecker {

    /** The earliest date any date field or parameter accepts. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date any date field or parameter accepts. */
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private SchemaChecker() {
    }

    /**
     * @param schema the resolved schema
     * @param value  the value (never a Java null; JSON null is a {@code NullNode})
     * @param field  the value's name in problems
     * @param out    where problems are added
     */
    static void check(JsonNode schema, JsonNode value, String field, List<FieldProblem> out) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                out.add(new FieldProblem(field, "null にはできません", "must not be null"));
            }
            return;
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> object(schema, value, field, out);
            case "array" -> array(schema, value, field, out);
            case "string" -> string(schema, value, field, out);
            case "integer" -> integer(schema, value, field, out);
            case "number" -> number(schema, value, field, out);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(new FieldProblem(field, "true か false でなければなりません", "must be true or false"));
                }
            }
            default -> {
                // no type: any value
            }
        }
    }

    private static void object(JsonNode schema, JsonNode value, String field, List<FieldProblem> out) {
        if (!value.isObject()) {
            out.add(new FieldProblem(field, "オブジェクトでなければなりません", "must be an object"));
            return;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode r : schema.path("required")) {
            JsonNode v = value.get(r.asText());
            if (v == null || v.isNull()) {
                out.add(new FieldProblem(join(field, r.asText()), "必須です", "is required"));
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String name = join(field, e.getKey());
            JsonNode p = properties.get(e.getKey());
            if (p != null) {
                if (!e.getValue().isNull()) {
                    check(p, e.getValue(), name, out); // null: left out (or reported above when required)
                }
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                out.add(new FieldProblem(name, "定義されていない項目です", "is not a known field"));
            } else if (additional != null && additional.isObject()) {
                check(additional, e.getValue(), name, out);
            }
        }
    }

    private static void array(JsonNode schema, JsonNode value, String field, List<FieldProblem> out) {
        if (!value.isArray()) {
            out.add(new FieldProblem(field, "リストでなければなりません", "must be a list"));
            return;
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            int n = schema.get("minItems").asInt();
            out.add(new FieldProblem(field, n + " 件以上でなければなりません", "must have at least " + n + " entries"));
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            int n = schema.get("maxItems").asInt();
            out.add(new FieldProblem(field, n + " 件以下でなければなりません", "must have at most " + n + " entries"));
        }
        JsonNode items = schema.path("items");
        for (int i = 0; i < value.size(); i++) {
            check(items, value.get(i), field + "[" + i + "]", out);
        }
    }

    private static void string(JsonNode schema, JsonNode value, String field, List<FieldProblem> out) {
        if (!value.isTextual()) {
            out.add(schema.has("enum") ? oneOf(schema, field)
                    : new FieldProblem(field, "文字列でなければなりません", "must be text"));
            return;
        }
        String text = value.asText();
        if (schema.has("enum")) {
            for (JsonNode e : schema.get("enum")) {
                if (e.asText().equals(text)) {
                    return;
                }
            }
            out.add(oneOf(schema, field));
            return;
        }
        int before = out.size();
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            int n = schema.get("minLength").asInt();
            out.add(n == 1 ? new FieldProblem(field, "空にはできません", "must not be empty")
                    : new FieldProblem(field, n + " 文字以上でなければなりません", "must have at least " + n + " characters"));
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            int n = schema.get("maxLength").asInt();
            out.add(new FieldProblem(field, n + " 文字以下でなければなりません", "must have at most " + n + " characters"));
        }
        if (out.size() == before && schema.has("pattern")
                && !pattern(schema.get("pattern").asText()).matcher(text).find()) {
            out.add(schema.has("x-rule") ? new FieldProblem(field, schema.path("x-rule-ja").asText(
                    schema.get("x-rule").asText()) + "でなければなりません", "must be " + schema.get("x-rule").asText())
                    : new FieldProblem(field, "契約（API 仕様）で定められた形式ではありません",
                            "must be in the form the contract describes"));
        }
        switch (schema.path("format").asText("")) {
            case "uuid" -> {
                if (!UUID.matcher(text).matches()) {
                    out.add(new FieldProblem(field,
                            "123e4567-e89b-12d3-a456-426614174000 のような ID でなければなりません",
                            "must be an id like 123e4567-e89b-12d3-a456-426614174000"));
                }
            }
            case "date" -> date(text, field, out);
            default -> {
                // other formats are not checked
            }
        }
    }

    private static void date(String text, String field, List<FieldProblem> out) {
        FieldProblem problem = new FieldProblem(field, EARLIEST + " から " + LATEST + " までの YYYY-MM-DD 形式の日付でなければなりません",
                "must be a date YYYY-MM-DD between " + EARLIEST + " and " + LATEST);
        try {
            LocalDate d = LocalDate.parse(text, DATE);
            if (text.length() != 10 || d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
                out.add(problem);
            }
        } catch (DateTimeParseException e) {
            out.add(problem);
        }
    }

    private static void integer(JsonNode schema, JsonNode value, String field, List<FieldProblem> out) {
        if (!value.isIntegralNumber()) {
            out.add(mustBe(field, "整数", "a whole number", schema));
            return;
        }
        BigInteger v = value.bigIntegerValue();
        String format = schema.path("format").asText("");
        long lo = format.equals("int32") ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long hi = format.equals("int32") ? Integer.MAX_VALUE : Long.MAX_VALUE;
        BigDecimal d = new BigDecimal(v);
        if (v.compareTo(BigInteger.valueOf(lo)) < 0 || v.compareTo(BigInteger.valueOf(hi)) > 0
                || outOfBounds(schema, d)) {
            out.add(mustBe(field, "整数", "a whole number", schema));
        }
    }

    private static void number(JsonNode schema, JsonNode value, String field, List<FieldProblem> out) {
        if (!value.isNumber() || outOfBounds(schema, value.decimalValue())) {
            out.add(mustBe(field, "数値", "a number", schema));
        }
    }

    private static boolean outOfBounds(JsonNode schema, BigDecimal v) {
        if (schema.has("minimum")) {
            int c = v.compareTo(schema.get("minimum").decimalValue());
            if (c < 0 || (c == 0 && schema.path("exclusiveMinimum").asBoolean(false))) {
                return true;
            }
        }
        if (schema.has("maximum")) {
            int c = v.compareTo(schema.get("maximum").decimalValue());
            return c > 0 || (c == 0 && schema.path("exclusiveMaximum").asBoolean(false));
        }
        return false;
    }

    /** "must be a whole number from 1 to 500", with the schema's bounds, in both languages. */
    private static FieldProblem mustBe(String field, String kindJa, String kindEn, JsonNode schema) {
        boolean int32 = "int32".equals(schema.path("format").asText(""));
        String lo = schema.has("minimum") ? schema.get("minimum").asText() : null;
        String hi = schema.has("maximum") ? schema.get("maximum").asText()
                : int32 ? String.valueOf(Integer.MAX_VALUE) : null;
        String ja = lo != null && hi != null ? lo + " 以上 " + hi + " 以下の" : lo != null ? lo + " 以上の"
                : hi != null ? hi + " 以下の" : "";
        String en = lo != null && hi != null ? " from " + lo + " to " + hi : lo != null ? " of at least " + lo
                : hi != null ? " of at most " + hi : "";
        return new FieldProblem(field, ja + kindJa + "でなければなりません", "must be " + kindEn + en);
    }

    private static FieldProblem oneOf(JsonNode schema, String field) {
        List<String> c = new ArrayList<>();
        schema.get("enum").forEach(e -> c.add(e.asText()));
        String choices = String.join(", ", c);
        return new FieldProblem(field, "次のいずれかでなければなりません：" + choices, "must be one of: " + choices);
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    /** {@code parent.name}, or {@code name} at the top; very long names are cut. */
    static String join(String parent, String name) {
        String n = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return parent.isEmpty() ? n : parent + "." + n;
    }
}
