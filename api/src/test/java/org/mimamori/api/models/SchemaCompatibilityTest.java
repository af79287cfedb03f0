package org.mimamori.api.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;

/** How a schema differs from the active model's, in words, item by item. */
class SchemaCompatibilityTest {

    private static final FeatureSchema ACTIVE = SchemaLoader.loadDefault();

    @Test
    void theSameSchemaIsCompatible() {
        assertThat(SchemaCompatibility.differences(ACTIVE, SchemaLoader.loadDefault())).isEmpty();
    }

    @Test
    void anItemAddedRemovedOrRetypedIsNamedInWords() {
        String yaml = ACTIVE.yaml()
                .replace("""
                          - id: moves_last_3_years
                            source: resident_register
                            type: integer
                            range: [0, 20]
                            tier: core
                            changeable: no
                            label: {ja: 過去3年の転居回数, en: Moves in the last 3 years}
                        """, """
                          - id: nights_in_shelter
                            source: welfare
                            type: integer
                            range: [0, 365]
                            tier: optional
                            changeable: yes
                            label: {ja: シェルター宿泊数, en: Nights in a shelter}
                        """)
                .replace("""
                          - id: dv_consultation
                            source: welfare
                            type: yes_no
                        """, """
                          - id: dv_consultation
                            source: welfare
                            type: integer
                            range: [0, 10]
                        """);
        assertThat(yaml).as("the test's edits").isNotEqualTo(ACTIVE.yaml()).contains("nights_in_shelter")
                .contains("range: [0, 10]");
        FeatureSchema candidate = SchemaLoader.parse(yaml, "candidate.yaml");

        assertThat(SchemaCompatibility.differences(ACTIVE, candidate)).containsExactly(
                "item \"Moves in the last 3 years\" (moves_last_3_years) is removed: the active model has it, this "
                        + "model does not",
                "item \"Domestic-violence consultation in household\" (dv_consultation) is retyped: yes_no in the "
                        + "active model, integer in this model",
                "item \"Nights in a shelter\" (nights_in_shelter) is added: this model has it, the active model "
                        + "does not");
    }
}
