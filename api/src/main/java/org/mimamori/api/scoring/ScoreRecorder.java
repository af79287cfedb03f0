package org.mimamori.api.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.mimamori.api.security.Caller;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;

/**
 * Records scores made elsewhere than {@code POST /api/v1/scores} (e.g. batch screening), exactly as that
 * endpoint would have recorded them, so that {@code GET /api/v1/scores/{id}} serves them and decisions and
 * outcomes can attach to them.
 */
public interface ScoreRecorder {

    /**
     * One score to record.
     *
     * @param id        the score id
     * @param childRef  the child's pseudonymous reference
     * @param items     the recorded inputs, as a score request's {@code items}
     * @param explained the explained score
     */
    record Batched(UUID id, String childRef, Map<String, Object> items, ExplainedScore explained) {
    }

    /**
     * Records scores with the purpose {@code screening} in one JDBC batch, in the caller's transaction (there
     * must be one).
     *
     * @param scores    the scores
     * @param schema    the schema they were scored with
     * @param caller    who asked for them
     * @param locale    the language of labels and messages
     * @param createdAt when they were made
     */
    void recordScreening(List<Batched> scores, FeatureSchema schema, Caller caller, Locale locale, Instant createdAt);

    /**
     * The language of an {@code Accept-Language} header: Japanese when it asks for Japanese first, else English.
     *
     * @param acceptLanguage the header, or null
     * @return the locale
     */
    static Locale locale(String acceptLanguage) {
        return ScoreViews.locale(acceptLanguage);
    }
}
