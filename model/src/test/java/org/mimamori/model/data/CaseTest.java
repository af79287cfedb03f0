package org.mimamori.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;

class CaseTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();

    @Test
    void derivedItemsAndApplicabilityAreResolved() {
        Case c = Case.resolve(SCHEMA, Map.of("age_years", Value.of(13), "care_need_level_in_household", Value.of(4),
                "care_service_used", Value.NO, "absence_days_term", Value.of(12)));
        assertThat(c.get("young_carer_pattern")).isEqualTo(Value.YES);
        assertThat(c.get("infant_checkups_missed")).isEqualTo(Value.NOT_APPLICABLE);
        assertThat(c.get("lunch_fee_arrears_months")).isEqualTo(Value.UNKNOWN);

        Case noCareNeed = Case.resolve(SCHEMA, Map.of("age_years", Value.of(13),
                "care_need_level_in_household", Value.of(0)));
        assertThat(noCareNeed.get("care_service_used")).isEqualTo(Value.NOT_APPLICABLE);
        assertThat(noCareNeed.get("young_carer_pattern")).isEqualTo(Value.NO);
    }

    @Test
    void aValueForAnItemThatDoesNotApplyBecomesNotApplicableAndIsReported() {
        Case c = Case.resolve(SCHEMA, Map.of("age_years", Value.of(3), "absence_days_term", Value.of(2)));
        assertThat(c.get("absence_days_term")).isEqualTo(Value.NOT_APPLICABLE);
        assertThat(c.notApplicableButGiven()).containsExactly("absence_days_term");
    }

    @Test
    void invalidInputNamesEveryField() {
        assertThatThrownBy(() -> Case.resolve(SCHEMA, Map.of("age_years", Value.of(40), "colour", Value.of(1),
                "young_carer_pattern", Value.YES)))
                .isInstanceOfSatisfying(InvalidCaseException.class, e ->
                        assertThat(e.problems()).extracting(CaseProblem::field)
                                .containsExactlyInAnyOrder("age_years", "colour", "young_carer_pattern"));
    }

    @Test
    void csvRoundTripKeepsUnknownAndNotApplicableApart() throws Exception {
        Case c = Case.resolve(SCHEMA, Map.of("age_years", Value.of(3), "prior_consultations", Value.of(2)));
        StringWriter out = new StringWriter();
        CaseCsv.writeHeader(SCHEMA, out);
        CaseCsv.writeRow(c, out);
        assertThat(out.toString()).contains("not_applicable").doesNotContain("young_carer_pattern");
        Case back = CaseCsv.read(SCHEMA, CsvTable.read(new StringReader(out.toString()), "t.csv")).cases().get(0);
        assertThat(back.asMap()).isEqualTo(c.asMap());
        assertThat(back.get("absence_days_term")).isEqualTo(Value.NOT_APPLICABLE);
        assertThat(back.get("household_size")).isEqualTo(Value.UNKNOWN);
    }

    @Test
    void badCellsAreReportedWithRowAndColumn() {
        String csv = "age_years,absence_days_term\n10,3\n10,lots\n";
        assertThatThrownBy(() -> CaseCsv.read(SCHEMA, CsvTable.read(new StringReader(csv), "t.csv")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).row()).isEqualTo(2);
                    assertThat(e.problems().get(0).field()).isEqualTo("absence_days_term");
                });
    }
}
