package org.mimamori.api.contract;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.model.schema.LocalizedText;

/**
 * Reads a request body as strict JSON (RFC 8259): one value and nothing after it, no duplicate names in an
 * object, at most {@link #MAX_DEPTH} levels of nesting, numbers of at most 100 digits, and every name and
 * string by {@link TextRules}. Problems name their field ({@code items.age_years}, {@code (body)}).
 */
final class StrictJson {

    /** The deepest nesting of objects and arrays a request may have. */
    static final int MAX_DEPTH = 16;

    private static final FieldProblem REQUIRED = new FieldProblem("(body)", "JSON の本文が必要です",
            "a JSON body is required");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(100).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private StrictJson() {
    }

    /**
     * @param body     the body's bytes (UTF-8)
     * @param problems where problems are added
     * @return the value, or null when the body is not JSON (a problem says why)
     */
    static JsonNode read(byte[] body, List<FieldProblem> problems) {
        if (body.length == 0) {
            problems.add(REQUIRED);
            return null;
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(REQUIRED);
                return null;
            }
            JsonNode value = value(p, t, "", problems);
            boolean more;
            try {
                more = p.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                problems.add(new FieldProblem("(body)", "JSON の値を 1 つだけ含み、その後に何もあってはなりません",
                        "must hold one JSON value and nothing after it"));
                return null;
            }
            return value;
        } catch (StreamConstraintsException e) {
            problems.add(new FieldProblem("(body)", MAX_DEPTH + " 階層より深く入れ子になっているか、100 桁を超える数値を含みます",
                    "is nested more than " + MAX_DEPTH + " levels deep or has a number with more than 100 digits"));
        } catch (JsonProcessingException e) {
            String m = String.valueOf(e.getOriginalMessage());
            boolean utf8 = m.contains("UTF-8") || m.contains("UTF8");
            JsonLocation at = e.getLocation();
            boolean located = at != null && at.getLineNr() >= 0;
            problems.add(new FieldProblem("(body)", (utf8 ? "正しい UTF-8 ではありません" : "正しい JSON ではありません")
                    + (located ? "（" + at.getLineNr() + " 行 " + at.getColumnNr() + " 列）" : ""),
                    (utf8 ? "is not valid UTF-8" : "is not valid JSON")
                    + (located ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "")));
        } catch (IOException e) {
            problems.add(new FieldProblem("(body)", "読めませんでした", "could not be read"));
        }
        return null;
    }

    private static JsonNode value(JsonParser p, JsonToken t, String field, List<FieldProblem> problems)
            throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    String child = SchemaChecker.join(field, name);
                    LocalizedText bad = TextRules.problem(name);
                    JsonNode v = value(p, p.nextToken(), child, problems);
                    if (bad != null) {
                        problems.add(new FieldProblem(field.isEmpty() ? "(body)" : field, "項目名に" + bad.ja(),
                                "has a field name that " + bad.en()));
                    } else if (o.has(name)) {
                        problems.add(new FieldProblem(child, "二度以上現れます", "appears more than once"));
                    } else {
                        o.set(name, v);
                    }
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(value(p, e, field + "[" + i++ + "]", problems));
                }
                return a;
            }
            case VALUE_STRING -> {
                String text = p.getText();
                LocalizedText bad = TextRules.problem(text);
                if (bad != null) {
                    problems.add(new FieldProblem(field.isEmpty() ? "(body)" : field, bad));
                }
                return NODES.textNode(text);
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected JSON token " + t);
        }
    }
}
