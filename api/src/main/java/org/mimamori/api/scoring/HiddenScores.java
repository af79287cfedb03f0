package org.mimamori.api.scoring;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored score as judgement-first mode shows it before the caller's own assessment: every number and band
 * left out (the estimate, its interval and band, the logit and contributions, the unrecorded items' weight, what
 * recording them could change, band moves, the interval of a withheld estimate), {@code numbersHidden: true}. Red flags, other
 * warnings and inputs stay.
 */
final class HiddenScores {

    /** The fields of a score that hold numbers or bands. */
    static final List<String> NUMBERS = List.of("probability", "interval", "band", "baseline", "logit",
            "contributions", "unrecorded", "missingInformation", "bandMoves", "bandMovesNote");

    private static final String INTERVAL_TOO_WIDE = org.mimamori.model.scoring.Warnings.INTERVAL_TOO_WIDE;

    private HiddenScores() {
    }

    static String hide(String responseJson, ObjectMapper json) {
        try {
            ObjectNode score = (ObjectNode) json.readTree(responseJson);
            score.remove(NUMBERS);
            // The warning that an estimate is withheld states its interval: a number too.
            ArrayNode warnings = score.withArray("warnings");
            for (int i = warnings.size() - 1; i >= 0; i--) {
                if (INTERVAL_TOO_WIDE.equals(warnings.get(i).path("code").asText())) {
                    warnings.remove(i);
                }
            }
            score.put("numbersHidden", true);
            return json.writeValueAsString(score);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored score cannot be read", e);
        }
    }
}
