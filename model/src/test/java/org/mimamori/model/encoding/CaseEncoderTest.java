package org.mimamori.model.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;

class CaseEncoderTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();

    private static List<Case> someCases(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Value> m = new HashMap<>();
            m.put("age_years", Value.of(r.nextInt(18)));
            m.put("absence_days_term", Value.of(r.nextInt(10) < 7 ? 0 : r.nextInt(1, 40)));
            m.put("prior_consultations", Value.of(r.nextInt(4)));
            m.put("child_rearing_allowance", Value.of(r.nextBoolean()));
            m.put("need_confirmed_12m", Value.of(r.nextInt(10) == 0));
            out.add(Case.resolve(SCHEMA, m));
        }
        return out;
    }

    @Test
    void unknownAndNotApplicableStayDistinctAfterEncoding() {
        CaseEncoder encoder = CaseEncoder.fit(SCHEMA, someCases(2000, 1), EncodingStyle.SCORECARD, BinSettings.DEFAULT);
        Case young = Case.resolve(SCHEMA, Map.of("age_years", Value.of(3)));
        Case schoolChildUnrecorded = Case.resolve(SCHEMA, Map.of("age_years", Value.of(10)));
        assertThat(young.get("absence_days_term")).isEqualTo(Value.NOT_APPLICABLE);
        assertThat(schoolChildUnrecorded.get("absence_days_term")).isEqualTo(Value.UNKNOWN);

        assertThat(activeState(encoder, young, "absence_days_term")).isEqualTo("not_applicable");
        assertThat(activeState(encoder, schoolChildUnrecorded, "absence_days_term")).isEqualTo("unknown");
        for (CaseEncoder e : List.of(encoder,
                CaseEncoder.fit(SCHEMA, someCases(2000, 1), EncodingStyle.RAW, BinSettings.DEFAULT))) {
            assertThat(activeStates(e, young, "absence_days_term"))
                    .isNotEqualTo(activeStates(e, schoolChildUnrecorded, "absence_days_term"));
        }
    }

    @Test
    void scorecardActivatesExactlyOneFeaturePerInputItemAndEachMapsBackToItsItem() {
        List<Case> cases = someCases(3000, 2);
        CaseEncoder encoder = CaseEncoder.fit(SCHEMA, cases, EncodingStyle.SCORECARD, BinSettings.DEFAULT);
        for (Case c : cases.subList(0, 200)) {
            EncodedCase e = encoder.encode(c);
            assertThat(e.indices()).hasSize(encoder.inputItems().size());
            for (int k = 0; k < e.indices().length; k++) {
                EncodedFeature f = encoder.features().get(e.indices()[k]);
                assertThat(f.item()).isEqualTo(encoder.inputItems().get(k).id());
                assertThat(EncodedFeature.itemOf(f.name())).isEqualTo(f.item());
                int[] range = encoder.featureRange(k);
                assertThat(e.indices()[k]).isBetween(range[0], range[1] - 1);
            }
        }
    }

    @Test
    void skewedCountsGetBinsOverTheirTail() {
        CaseEncoder encoder = CaseEncoder.fit(SCHEMA, someCases(5000, 3), EncodingStyle.SCORECARD, BinSettings.DEFAULT);
        double[] cuts = encoder.cuts("absence_days_term");
        assertThat(cuts[0]).isEqualTo(0.0);
        assertThat(cuts.length).isGreaterThanOrEqualTo(3);
        assertThat(encoder.features()).extracting(EncodedFeature::description).contains("0");
    }

    @Test
    void restoredEncoderEncodesIdentically() {
        List<Case> cases = someCases(1000, 4);
        CaseEncoder encoder = CaseEncoder.fit(SCHEMA, cases, EncodingStyle.SCORECARD, BinSettings.DEFAULT);
        CaseEncoder restored = CaseEncoder.restore(SCHEMA, encoder.state());
        for (Case c : cases) {
            assertThat(restored.encode(c).indices()).isEqualTo(encoder.encode(c).indices());
        }
    }

    private static String activeState(CaseEncoder encoder, Case c, String item) {
        List<String> states = activeStates(encoder, c, item);
        assertThat(states).hasSize(1);
        return states.get(0);
    }

    private static List<String> activeStates(CaseEncoder encoder, Case c, String item) {
        EncodedCase e = encoder.encode(c);
        List<String> out = new ArrayList<>();
        for (int i : e.indices()) {
            EncodedFeature f = encoder.features().get(i);
            if (f.item().equals(item)) {
                out.add(f.state());
            }
        }
        return out;
    }
}
