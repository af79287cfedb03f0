package org.mimamori.api.scoring;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.contract.BodyCheck;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.UnavailableException;

/**
 * Checks the {@code items} of a request (a score request, a correction) against the active model's schema
 * ({@link CaseReader}) together with the contract's checks, so that bad items are named in the same answer as bad
 * top-level fields. One instance per operation: {@link ItemsChecks} registers the score request's; other features
 * register theirs with {@link #of}.
 */
public final class ItemsCheck implements BodyCheck {

    private static final TypeReference<Map<String, Object>> ITEMS = new TypeReference<>() {
    };

    private final String operation;
    private final ActiveModels models;
    private final ObjectMapper json;

    private ItemsCheck(String operation, ActiveModels models, ObjectMapper json) {
        this.operation = operation;
        this.models = models;
        this.json = json;
    }

    /**
     * @param operation the contract's operation whose body has {@code items}
     * @param models    the active model, whose schema the items are read by
     * @param json      the application's mapper
     * @return the check
     */
    public static ItemsCheck of(String operation, ActiveModels models, ObjectMapper json) {
        return new ItemsCheck(operation, models, json);
    }

    @Override
    public String operation() {
        return operation;
    }

    @Override
    public void check(JsonNode body, List<FieldProblem> problems) {
        JsonNode items = body.path("items");
        if (!items.isObject()) {
            return; // the contract's checks name it
        }
        try {
            // as the request object will hold them: read by the application's mapper
            CaseReader.read(models.current().scorer().schema(), json.readValue(json.writeValueAsBytes(items), ITEMS));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        } catch (UnavailableException | IOException e) {
            // no model yet (the request is answered 503) or items the contract's checks refuse
        }
    }
}
