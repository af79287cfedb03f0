package org.mimamori.training.synth;

import static org.mimamori.training.synth.Draws.logit;
import static org.mimamori.training.synth.Draws.sigmoid;

import java.util.Map;
import java.util.SplittableRandom;

import org.mimamori.model.value.Value;

/**
 * Turns true need into the label through an assessment process that looks more often at families already
 * known to services. Only assessed children can be confirmed, and an assessment misses some needs. This is
 * the bias that past-case labels carry and that audits must be able to find.
 *
 * <p>Every child draws the same number of random numbers from its own stream whatever happens, so one seed
 * gives the same children under any surveillance bias, and a larger bias only adds assessments of known
 * families.
 */
final class AssessmentModel {

    /** Assessment odds of a child with no need who is not known (referrals that come to nothing). */
    static final double BASE_RATE = 0.04;
    /** Log-odds added when the child is in need (schools, health centres and neighbours refer). */
    static final double NEED_EFFECT = 2.5;
    /** A recorded need type is written for each true type with this chance (staff findings are incomplete). */
    static final double TYPE_RECORDED = 0.9;

    private final double logBias;
    private final double sensitivity;

    AssessmentModel(SynthConfig config) {
        this.logBias = Math.log(config.surveillanceBias());
        this.sensitivity = config.assessmentSensitivity();
    }

    /** Whether the family is already known, from the true (not the recorded) values. */
    static boolean known(Household h, Map<String, Value> signals) {
        return h.publicAssistance() || isYes(signals.get("already_supported"))
                || positive(signals.get("prior_consultations")) || positive(signals.get("prior_abuse_reports"));
    }

    Assessment assess(SplittableRandom r, Household h, Needs n, Map<String, Value> signals) {
        boolean known = known(h, signals);
        double uAssess = r.nextDouble();
        double uConfirm = r.nextDouble();
        double[] uTypes = new double[Needs.TYPES.length];
        for (int t = 0; t < uTypes.length; t++) {
            uTypes[t] = r.nextDouble();
        }
        double p = sigmoid(logit(BASE_RATE) + (n.any() ? NEED_EFFECT : 0) + (known ? logBias : 0));
        boolean assessed = uAssess < p;
        boolean confirmed = assessed && n.any() && uConfirm < sensitivity;
        boolean[] recorded = new boolean[Needs.TYPES.length];
        if (confirmed) {
            int first = -1;
            boolean any = false;
            for (int t = 0; t < recorded.length; t++) {
                if (n.has(t)) {
                    first = first < 0 ? t : first;
                    recorded[t] = uTypes[t] < TYPE_RECORDED;
                    any |= recorded[t];
                }
            }
            // A confirmed need is recorded with at least one type.
            recorded[first] |= !any;
        }
        return new Assessment(known, assessed, confirmed, recorded);
    }

    private static boolean isYes(Value v) {
        return v != null && v.equals(Value.YES);
    }

    private static boolean positive(Value v) {
        return v != null && v.isNumber() && v.number() > 0;
    }
}
