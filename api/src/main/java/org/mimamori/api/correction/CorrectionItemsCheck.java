package org.mimamori.api.correction;

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
import org.mimamori.api.scoring.ScoreRecorder;
import org.springframework.stereotype.Component;

/**
 * Checks a correction's {@code items} as a score request's are checked, against the active model's schema,
 * together with the contract's checks, so that bad items are named in the same answer as bad top-level fields.
 * {@link CorrectionService} reads them again by the schema of the model that scores the correction.
 */
@Component
class CorrectionItemsCheck implements BodyCheck {

    private static final TypeReference<Map<String, Object>> ITEMS = new TypeReference<>() {
    };

    private final ActiveModels models;
    private final ObjectMapper json;

    CorrectionItemsCheck(ActiveModels models, ObjectMapper json) {
        this.models = models;
        this.json = json;
    }

    @Override
    public String operation() {
        return "createCorrection";
    }

    @Override
    public void check(JsonNode body, List<FieldProblem> problems) {
        JsonNode items = body.path("items");
        if (!items.isObject()) {
            return; // the contract's checks name it
        }
        try {
            ScoreRecorder.readItems(models.current().scorer().schema(),
                    json.readValue(json.writeValueAsBytes(items), ITEMS));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        } catch (UnavailableException | IOException e) {
            // no model yet (the request is answered 503) or items the contract's checks refuse
        }
    }
}
