package org.mimamori.model.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;

/** The compact block holds exactly what the encoder gives each case, in both styles. */
class EncodedMatrixTest {

    @Test
    void everyRowIsTheEncodersEncodingOfItsCase() {
        FeatureSchema schema = SchemaLoader.loadDefault();
        SplittableRandom r = new SplittableRandom(3);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int age = r.nextInt(0, 18);
            cases.add(Case.resolve(schema, Map.of("age_years", Value.of(age),
                    "absence_days_term", r.nextInt(5) == 0 ? Value.UNKNOWN : Value.of(r.nextInt(0, 40)),
                    "low_mood_days_share", Value.of(r.nextInt(0, 100) / 100.0),
                    "single_parent", Value.of(r.nextBoolean()))));
        }
        for (EncodingStyle style : EncodingStyle.values()) {
            CaseEncoder encoder = CaseEncoder.fit(schema, cases, style, BinSettings.DEFAULT);
            EncodedMatrix m = encoder.encodeAll(cases);
            assertThat(m.rows()).isEqualTo(cases.size());
            assertThat(m.items()).isEqualTo(encoder.inputItems().size());
            assertThat(m.allOnes()).isEqualTo(style == EncodingStyle.SCORECARD);
            List<EncodedCase> rows = m.asList();
            for (int i = 0; i < cases.size(); i++) {
                EncodedCase e = encoder.encode(cases.get(i));
                assertThat(rows.get(i).indices()).as("row %d (%s)", i, style).isEqualTo(e.indices());
                assertThat(rows.get(i).values()).as("row %d (%s)", i, style).isEqualTo(e.values());
                for (int k = 0; k < m.items(); k++) {
                    assertThat(m.feature(i, k)).isEqualTo(e.indices()[k]);
                    assertThat(m.value(i, k)).isEqualTo(e.values()[k]);
                }
            }
        }
        assertThat(schema.inputs()).extracting(Item::id).contains("absence_days_term");
    }
}
