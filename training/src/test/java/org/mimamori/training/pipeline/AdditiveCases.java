package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.value.Value;

/**
 * Small, fast training data for tests of the pipeline and its documents: the label depends additively on a
 * few items of the default schema's ids, with unknown and not-applicable values and two audit groups.
 */
public final class AdditiveCases {

    private AdditiveCases() {
    }

    /** {@code n} seeded cases of a schema that has the default schema's item ids. */
    public static List<Case> generate(FeatureSchema schema, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Value> m = new HashMap<>();
            int age = r.nextInt(18);
            m.put("child_ref", Value.category(String.format("C%07d", i)));
            m.put("age_years", Value.of(age));
            int absences = r.nextInt(3) == 0 ? r.nextInt(1, 40) : 0;
            if (r.nextInt(10) > 0) {
                m.put("absence_days_term", Value.of(absences));
            }
            int consultations = r.nextInt(10) == 0 ? r.nextInt(1, 5) : 0;
            m.put("prior_consultations", Value.of(consultations));
            boolean allowance = r.nextInt(5) == 0;
            m.put("child_rearing_allowance", Value.of(allowance));
            m.put("single_parent", Value.of(r.nextInt(6) == 0));
            m.put("public_assistance", Value.of(r.nextInt(12) == 0));
            m.put("already_supported", Value.of(consultations > 1));
            double schoolSignal = age >= 6 && age <= 15 ? 0.08 * absences : 0;
            double logit = -3 + 0.9 * consultations + schoolSignal + (allowance ? 0.7 : 0);
            m.put("need_confirmed_12m", Value.of(r.nextDouble() < 1 / (1 + Math.exp(-logit))));
            out.add(Case.resolve(schema, m));
        }
        return out;
    }
}
