package org.mimamori.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.Item;
import org.mimamori.model.value.Value;

/**
 * Band moves only ever change what support or time can change: never age, history, receipt of aid or services,
 * derived items or demographics, and never an item nobody recorded.
 */
class BandMovesPropertyTest {

    private static final Scorer SCORER = ScorerTest.scorer(ScoringSettings.DEFAULT);
    private static final Set<String> SUPPORT = Set.of("public_assistance", "child_rearing_allowance",
            "school_expense_aid", "care_service_used", "nursery_enrolled");

    @Property(tries = 300)
    void noMoveTouchesAnUnchangeableOrUnrecordedItem(@ForAll long seed) {
        Case c = ScorecardTest.cases(1, seed).get(0);
        ExplainedScore s = SCORER.score(c);
        for (BandMove move : s.bandMoves()) {
            for (ItemChange change : move.changes()) {
                Item item = change.item();
                assertThat(item.isChangeable()).as(item.id()).isTrue();
                assertThat(item.isDerived()).isFalse();
                assertThat(SUPPORT).doesNotContain(item.id());
                assertThat(c.get(item.id()).kind()).isEqualTo(Value.Kind.NUMBER);
            }
        }
    }

    @Property(tries = 1)
    void theDefaultSchemaMarksEveryInputItem() {
        for (Item item : ScorerTest.SCHEMA.inputs()) {
            assertThat(item.changeable()).as(item.id()).isNotNull();
        }
        assertThat(ScorerTest.SCHEMA.inputs().stream().filter(Item::isChangeable).map(Item::id))
                .contains("absence_days_term", "lunch_fee_arrears_months", "vaccinations_missed")
                .doesNotContain("age_years", "prior_consultations", "school_expense_aid", "young_carer_pattern");
    }
}
