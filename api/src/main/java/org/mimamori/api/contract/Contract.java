package org.mimamori.api.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.mimamori.api.problems.FieldProblem;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI contract as the service reads it at start-up, with every {@code $ref} resolved (across its files):
 * each operation's parameters and JSON request body schema, and the named schemas. Requests are checked against
 * it by {@link ContractInterceptor}; other input (cohort files) uses {@link #check} for the same rules.
 */
@Component
public final class Contract {

    /** The contract's entry file on the class path. */
    static final String ROOT = "openapi/mimamori.yaml";

    /** A parameter of an operation. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** An operation: its parameters and the schema of its JSON body (null when it takes none). */
    record Operation(String id, List<Parameter> parameters, JsonNode jsonBody) {
    }

    /**
     * An operation as the contract names it, e.g. {@code POST /api/v1/scores/{id}/decisions createDecision}.
     *
     * @param method      the HTTP method, upper case
     * @param path        the path template
     * @param operationId the operation's id
     */
    public record Endpoint(String method, String path, String operationId) {
    }

    private final List<Endpoint> endpoints = new ArrayList<>();

    /** Where an operation is: its method and its path template as a pattern. */
    private record Route(String method, Pattern path, String operationId) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonNode> files = new HashMap<>();
    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, JsonNode> schemas = new HashMap<>();

    Contract() {
        JsonNode root = file("mimamori.yaml");
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = resolve("mimamori.yaml", path.getValue());
            Pattern template = Pattern.compile(
                    Arrays.stream(path.getKey().split("\\{[^/}]+}", -1))
                            .map(Pattern::quote).collect(Collectors.joining("[^/]+")));
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode op = item.get(method);
                if (op != null) {
                    routes.add(new Route(method.toUpperCase(Locale.ROOT), template,
                            op.path("operationId").asText()));
                    operations.put(op.path("operationId").asText(), operation(op, item));
                    endpoints.add(new Endpoint(method.toUpperCase(Locale.ROOT), path.getKey(),
                            op.path("operationId").asText()));
                }
            }
        }
        // The schemas of every contract file the paths lead to (and of the files their schemas lead to), so a new
        // contract file needs no list here; no two files name the same schema.
        java.util.Set<String> read = new java.util.HashSet<>();
        List<String> pending;
        while (!(pending = files.keySet().stream().filter(n -> !read.contains(n)).sorted().toList()).isEmpty()) {
            for (String name : pending) {
                read.add(name);
                file(name).path("components").path("schemas").fieldNames().forEachRemaining(
                        s -> schemas.put(s, resolve(name, file(name).path("components").path("schemas").get(s))));
            }
        }
    }

    /** Every operation of the contract, in the contract's order. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /**
     * The operation at a method and path, e.g. {@code getScore} for {@code GET /api/v1/scores/<id>}.
     *
     * @param method the HTTP method
     * @param path   the request's path (without the query)
     * @return the operation's id, if the contract has one there
     */
    public Optional<String> operationAt(String method, String path) {
        for (Route r : routes) {
            if (r.method().equals(method) && r.path().matcher(path).matches()) {
                return Optional.of(r.operationId());
            }
        }
        return Optional.empty();
    }

    /** @return every operation's id */
    public Set<String> operationIds() {
        return Set.copyOf(operations.keySet());
    }

    /** The operation with this {@code operationId} (the generated interface method's name), if any. */
    Optional<Operation> operation(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    /** Whether an operation declares a query parameter of this name. */
    public boolean declaresQuery(String operationId, String name) {
        return operation(operationId).stream().flatMap(o -> o.parameters().stream())
                .anyMatch(p -> p.in().equals("query") && p.name().equals(name));
    }

    /**
     * Checks a value against one property of a named schema, by the same rules as a request body.
     *
     * @param schema   a schema of the contract, e.g. {@code ScoreRequest}
     * @param property one of its properties, e.g. {@code childRef}
     * @param field    how to name the value in problems, e.g. {@code file[3].child_ref}
     * @param value    the value
     * @return every problem, empty when the value is fine
     */
    public List<FieldProblem> check(String schema, String property, String field, String value) {
        JsonNode s = schemas.get(schema);
        if (s == null || !s.path("properties").has(property)) {
            throw new IllegalArgumentException("the contract has no property " + schema + "." + property);
        }
        List<FieldProblem> out = new ArrayList<>();
        SchemaChecker.check(s.path("properties").get(property), TextNode.valueOf(value), field, out);
        return out;
    }

    private Operation operation(JsonNode op, JsonNode item) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : concat(item.path("parameters"), op.path("parameters"))) {
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                    p.path("required").asBoolean(false), p.path("schema")));
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").get("schema");
        return new Operation(op.path("operationId").asText(), List.copyOf(parameters), body);
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        b.forEach(out::add);
        return out;
    }

    /** A copy of {@code node} (in {@code file}) with every {@code $ref} replaced by what it points to. */
    private JsonNode resolve(String file, JsonNode node) {
        return resolve(file, node, 0);
    }

    private JsonNode resolve(String file, JsonNode node, int depth) {
        if (depth > 64) {
            throw new IllegalStateException("the contract's $refs nest too deeply (a cycle?) in " + file);
        }
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash == 0 ? file : ref.substring(0, hash < 0 ? ref.length() : hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode found = file(target).at(pointer);
            if (found.isMissingNode()) {
                throw new IllegalStateException("the contract's $ref " + ref + " in " + file + " points nowhere");
            }
            return resolve(target, found, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(file, e.getValue(), depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(e -> copy.add(resolve(file, e, depth + 1)));
            return copy;
        }
        return node;
    }

    private JsonNode file(String name) {
        return files.computeIfAbsent(name, n -> {
            String path = ROOT.substring(0, ROOT.lastIndexOf('/') + 1) + n;
            try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("the contract file " + path + " is not on the class path");
                }
                Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                return new ObjectMapper().valueToTree(stringKeys(yaml));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** YAML maps may have non-string keys (e.g. status codes); JSON trees need strings. */
    private static Object stringKeys(Object yaml) {
        if (yaml instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), stringKeys(v)));
            return out;
        }
        if (yaml instanceof List<?> l) {
            return l.stream().map(Contract::stringKeys).toList();
        }
        return yaml instanceof java.util.Date d ? d.toInstant().toString() : yaml;
    }
}
