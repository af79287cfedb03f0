package org.mimamori.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaLoaderTest {

    @Test
    void defaultSchemaHoldsEveryItemOfTheDataBrief() {
        FeatureSchema schema = SchemaLoader.loadDefault();
        assertThat(schema.id()).isEqualTo("child-support-v1");
        assertThat(schema.items()).extracting(Item::id).contains(
                "age_years", "household_size", "single_parent", "siblings_under_6", "moves_last_3_years",
                "public_assistance", "child_rearing_allowance", "care_need_level_in_household",
                "care_service_used", "dv_consultation", "disability_in_household", "infant_checkups_missed",
                "vaccinations_missed", "low_birth_weight", "postnatal_depression_screen", "teen_parent",
                "absence_days_term", "late_days_term", "school_expense_aid", "lunch_fee_arrears_months",
                "nurse_office_visits_term", "low_mood_days_share", "bullying_reported", "academic_percentile",
                "nursery_enrolled", "nursery_absence_share", "prior_consultations", "prior_abuse_reports",
                "prior_temporary_protection", "foreign_national_household", "child_asked_for_help",
                "serious_injury_observed", "child_disclosed_violence", "already_supported", "need_confirmed_12m");
        assertThat(schema.labelItem().id()).isEqualTo("need_confirmed_12m");
        assertThat(schema.withRole(Role.AUDIT_GROUP)).extracting(Item::id).containsExactlyInAnyOrder(
                "foreign_national_household", "disability_in_household", "single_parent", "public_assistance");
        assertThat(schema.inputs()).extracting(Item::id).doesNotContain("single_parent", "public_assistance",
                "disability_in_household", "foreign_national_household");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        String yaml = """
                schema: broken
                version: 1
                target: x
                colour: blue
                items:
                  - id: a
                    type: intger
                  - id: b
                    type: integer
                    derived: "a >= "
                  - id: y
                    type: yes_no
                    role: label
                """;
        assertThatThrownBy(() -> SchemaLoader.parse(yaml, "broken.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    List<SchemaProblem> p = e.problems();
                    assertThat(p).anySatisfy(q -> {
                        assertThat(q.line()).isEqualTo(4);
                        assertThat(q.message()).contains("unknown key 'colour'");
                    });
                    assertThat(p).anySatisfy(q -> {
                        assertThat(q.line()).isEqualTo(7);
                        assertThat(q.path()).isEqualTo("items[0].type");
                        assertThat(q.message()).contains("unknown type 'intger'");
                    });
                    assertThat(p).anySatisfy(q -> {
                        assertThat(q.line()).isEqualTo(10);
                        assertThat(q.path()).isEqualTo("items[1].derived");
                    });
                    assertThat(p).anySatisfy(q -> {
                        assertThat(q.line()).isEqualTo(11);
                        assertThat(q.message()).contains("needs 'positive'");
                    });
                    assertThat(e.getMessage()).contains("broken.yaml:7:");
                });
    }

    @Test
    void aModelInputMayNotReadAnAuditGroupEvenThroughADerivedItem() {
        String yaml = """
                schema: leak
                version: 1
                target: x
                items:
                  - {id: g, type: yes_no, role: audit_group}
                  - {id: d, type: yes_no, derived: "g == yes"}
                  - {id: y, type: yes_no, role: label, positive: yes}
                """;
        assertThatThrownBy(() -> SchemaLoader.parse(yaml, "leak.yaml"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("model input 'd' reads 'g'");
    }

    @Test
    void reportsCycles() {
        String yaml = """
                schema: cycle
                version: 1
                target: x
                items:
                  - {id: a, type: number, derived: "b + 1"}
                  - {id: b, type: number, derived: "a + 1"}
                  - {id: y, type: yes_no, role: label, positive: yes}
                """;
        assertThatThrownBy(() -> SchemaLoader.parse(yaml, "cycle.yaml"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("depends on itself");
    }
}
