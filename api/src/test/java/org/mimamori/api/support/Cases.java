package org.mimamori.api.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mimamori.client.model.PriorAssessment;
import org.mimamori.client.model.Purpose;
import org.mimamori.client.model.ScoreRequest;

/** Score requests whose band under the test bundle is known: clearly high, clearly low, and with a red flag. */
public final class Cases {

    private Cases() {
    }

    /** Many absences, several consultations and the allowance: one of the two highest bands. */
    public static ScoreRequest high(String childRef) {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("age_years", 9);
        items.put("household_size", 3);
        items.put("absence_days_term", 30);
        items.put("prior_consultations", 4);
        items.put("child_rearing_allowance", true);
        return request(childRef, items);
    }

    /** Nothing of note: one of the two lowest bands. */
    public static ScoreRequest low(String childRef) {
        return request(childRef, lowItems());
    }

    /** Like {@link #low} but the child asked for help (a red flag). */
    public static ScoreRequest lowWithRedFlag(String childRef) {
        Map<String, Object> items = lowItems();
        items.put("child_asked_for_help", true);
        return request(childRef, items);
    }

    private static Map<String, Object> lowItems() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("age_years", 9);
        items.put("household_size", 3);
        items.put("absence_days_term", 0);
        items.put("prior_consultations", 0);
        items.put("child_rearing_allowance", false);
        items.put("single_parent", false);
        return items;
    }

    private static ScoreRequest request(String childRef, Map<String, Object> items) {
        return new ScoreRequest().childRef(childRef).purpose(Purpose.CASE_REVIEW).items(items)
                .priorAssessment(new PriorAssessment().level(PriorAssessment.LevelEnum.LOW));
    }
}
