package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.Purpose;
import org.mimamori.api.web.dto.Score;
import org.mimamori.api.web.dto.ScoreRequest;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.scoring.Warning;

/** The contract's view of explained scores, without a server. */
class ScoreViewsTest {

    private static final org.mimamori.model.metrics.ScoreBands BANDS =
            org.mimamori.model.metrics.ScoreBands.defaults();

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();

    @Test
    void aWithheldEstimateHasNoProbabilityIntervalOrBandAndSaysWhy() throws Exception {
        ExplainedScore withheld = new ExplainedScore("v1", SCHEMA.id(), SCHEMA.target(), null, -2.0, -1.5, List.of(),
                new ExplainedScore.Unrecorded(0.5, List.of()), new org.mimamori.model.scoring.MissingInformation(
                        List.of(), -1.5, -1.5, 0.2, 0.2, BANDS.band(0.2), BANDS.band(0.2), false, true, java.util.Map.of(),
                        java.util.Map.of()), List.of(), List.of(new Warning("interval_too_wide", null,
                new LocalizedText("信頼できる推定を示せません", "The service cannot give a reliable estimate"))),
                List.of(), ExplainedScore.DECISION_NOTICE);
        ScoreRequest request = new ScoreRequest("C-0001", Purpose.SCREENING, Map.of());
        Score s = ScoreViews.view(UUID.randomUUID(), request, withheld, SCHEMA, Locale.ENGLISH, Instant.now(),
                new Caller("demo-caseworker", "caseworker"));
        assertThat(s.getReliable()).isFalse();
        assertThat(s.getProbability()).isNull();
        assertThat(s.getInterval()).isNull();
        assertThat(s.getBand()).isNull();
        assertThat(s.getWarnings()).singleElement()
                .satisfies(w -> assertThat(w.getMessage()).contains("cannot give a reliable estimate"));
        String json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(s);
        assertThat(json).contains("\"reliable\":false").doesNotContain("\"probability\"").doesNotContain("\"interval\"")
                .doesNotContain("\"band\"");
    }
}
