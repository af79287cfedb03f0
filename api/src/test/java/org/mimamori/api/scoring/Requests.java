package org.mimamori.api.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mimamori.client.model.PriorAssessment;
import org.mimamori.client.model.Purpose;
import org.mimamori.client.model.ScoreRequest;

/** Score requests used by the tests. */
final class Requests {

    private Requests() {
    }

    static Map<String, Object> schoolChildItems() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("age_years", 9);
        items.put("household_size", 3);
        items.put("absence_days_term", 12);
        items.put("school_expense_aid", true);
        items.put("child_rearing_allowance", "yes");
        items.put("lunch_fee_arrears_months", 3);
        items.put("prior_consultations", 1);
        items.put("infant_checkups_missed", "not_applicable");
        items.put("dv_consultation", "unknown");
        items.put("bullying_reported", null);
        return items;
    }

    static ScoreRequest schoolChild() {
        return new ScoreRequest().childRef("C-2024-000123").purpose(Purpose.CASE_REVIEW).items(schoolChildItems())
                .priorAssessment(new PriorAssessment().level(PriorAssessment.LevelEnum.MODERATE)
                        .note("Attendance dropped after the summer."));
    }

    static String schoolChildJson() {
        return """
                {"childRef": "C-2024-000123", "purpose": "case_review",
                 "items": {"age_years": 9, "absence_days_term": 12, "prior_consultations": 1}}""";
    }
}
