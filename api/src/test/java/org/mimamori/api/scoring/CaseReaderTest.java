package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;

/** The item conventions of the contract. */
class CaseReaderTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();

    @Test
    void unknownNotApplicableAndYesNoConventions() {
        Map<String, Object> items = new HashMap<>();
        items.put("age_years", 9);
        items.put("dv_consultation", "unknown");
        items.put("bullying_reported", null);
        items.put("teen_parent", "not_applicable");
        items.put("school_expense_aid", true);
        items.put("child_rearing_allowance", "no");
        items.put("single_parent", 1);
        Case c = CaseReader.read(SCHEMA, items);
        assertThat(c.get("dv_consultation")).isEqualTo(Value.UNKNOWN);
        assertThat(c.get("bullying_reported")).isEqualTo(Value.UNKNOWN);
        assertThat(c.get("household_size")).isEqualTo(Value.UNKNOWN);
        assertThat(c.get("teen_parent")).isEqualTo(Value.NOT_APPLICABLE);
        assertThat(c.get("school_expense_aid")).isEqualTo(Value.YES);
        assertThat(c.get("child_rearing_allowance")).isEqualTo(Value.NO);
        assertThat(c.get("single_parent")).isEqualTo(Value.YES);
        assertThat(c.get("infant_checkups_missed")).isEqualTo(Value.NOT_APPLICABLE);
    }

    @Test
    void everyProblemIsNamed() {
        Map<String, Object> items = new HashMap<>();
        items.put("age_years", 30);
        items.put("shoe_size", 40);
        items.put("need_confirmed_12m", true);
        items.put("child_ref", "C-1");
        items.put("young_carer_pattern", 1);
        assertThatThrownBy(() -> CaseReader.read(SCHEMA, items))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("items.age_years", "items.shoe_size", "items.need_confirmed_12m",
                                "items.child_ref", "items.young_carer_pattern"));
    }
}
