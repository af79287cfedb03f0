package org.mimamori.training.synth;

import static org.mimamori.training.synth.Draws.chance;
import static org.mimamori.training.synth.Draws.chanceLogit;
import static org.mimamori.training.synth.Draws.logit;
import static org.mimamori.training.synth.Draws.overdispersed;
import static org.mimamori.training.synth.Draws.poisson;
import static org.mimamori.training.synth.Draws.round2;
import static org.mimamori.training.synth.HouseholdGenerator.b;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.mimamori.model.value.Value;

/**
 * Draws what the departments record about a child, caused by the child's needs and circumstances. Keys are
 * the item ids of the default schema; an item that does not exist for the child (school absences of a
 * toddler) is {@link Value#NOT_APPLICABLE}. Effect sizes are chosen so that items differ clearly in how much
 * they reveal (see {@link ItemDesign}).
 */
final class SignalModel {

    /** Statutory infant check-ups due by age 0, 1, 2, 3–5. */
    private static final int[] CHECKUPS_DUE = {1, 2, 2, 3, 3, 3};

    private SignalModel() {
    }

    static Map<String, Value> draw(SplittableRandom r, Household h, Child c, Needs n) {
        Map<String, Value> v = new LinkedHashMap<>();
        double pov = b(n.poverty());
        double neg = b(n.neglect());
        double abu = b(n.abuse());
        double foreign = b(h.foreignNational());

        v.put("age_years", Value.of(c.age()));
        v.put("household_size", Value.of(h.size()));
        v.put("single_parent", Value.of(h.singleParent()));
        v.put("siblings_under_6", Value.of(c.siblingsUnder6()));
        v.put("moves_last_3_years", Value.of(h.moves()));
        v.put("foreign_national_household", Value.of(h.foreignNational()));
        v.put("public_assistance", Value.of(h.publicAssistance()));
        v.put("child_rearing_allowance", Value.of(h.childRearingAllowance()));
        v.put("care_need_level_in_household", Value.of(h.careLevel()));
        v.put("care_service_used", h.careLevel() >= 1 ? Value.of(h.careServiceUsed()) : Value.NOT_APPLICABLE);
        v.put("dv_consultation", Value.of(h.dvConsultation()));
        v.put("disability_in_household", Value.of(h.disability()));
        v.put("teen_parent", Value.of(h.teenParent()));

        // Maternal and child health.
        if (c.preSchool()) {
            double p = Draws.sigmoid(logit(0.04) + 3.0 * neg + 0.5 * pov + 0.8 * foreign + 0.6 * abu);
            int missed = 0;
            for (int i = 0; i < CHECKUPS_DUE[c.age()]; i++) {
                missed += chance(r, p) ? 1 : 0;
            }
            v.put("infant_checkups_missed", Value.of(missed));
            v.put("low_birth_weight", Value.of(chanceLogit(r, logit(0.09) + 0.5 * pov + 0.5 * neg
                    + 0.5 * b(h.teenParent()))));
        } else {
            v.put("infant_checkups_missed", Value.NOT_APPLICABLE);
            v.put("low_birth_weight", Value.NOT_APPLICABLE);
        }
        v.put("vaccinations_missed", c.age() > 12 ? Value.NOT_APPLICABLE : Value.of(Math.min(30,
                poisson(r, 0.25 * Math.exp(1.6 * neg + 0.3 * pov + 0.6 * foreign + 0.3 * abu)))));
        v.put("postnatal_depression_screen", c.age() <= 1 ? Value.of(c.postnatalDepression()) : Value.NOT_APPLICABLE);

        // Childcare.
        if (c.preSchool()) {
            double base = c.age() == 0 ? 0.15 : c.age() <= 2 ? 0.55 : 0.93;
            boolean enrolled = chanceLogit(r, logit(base) + 0.8 * b(h.singleParent()) - 0.6 * neg - 0.7 * foreign);
            v.put("nursery_enrolled", Value.of(enrolled));
            v.put("nursery_absence_share", enrolled
                    ? Value.of(round2(Draws.share(r, 0.05 + 0.20 * neg + 0.08 * abu + 0.02 * pov, 10)))
                    : Value.NOT_APPLICABLE);
        } else {
            v.put("nursery_enrolled", Value.NOT_APPLICABLE);
            v.put("nursery_absence_share", Value.NOT_APPLICABLE);
        }

        school(r, v, h, c, n);
        priorContact(r, v, c, n);
        return v;
    }

    /** The board of education's items, ages 6–15. */
    private static void school(SplittableRandom r, Map<String, Value> v, Household h, Child c, Needs n) {
        String[] ids = {"absence_days_term", "late_days_term", "school_expense_aid", "lunch_fee_arrears_months",
            "nurse_office_visits_term", "low_mood_days_share", "bullying_reported", "academic_percentile"};
        if (!c.atSchool()) {
            for (String id : ids) {
                v.put(id, Value.NOT_APPLICABLE);
            }
            return;
        }
        double pov = b(n.poverty());
        double neg = b(n.neglect());
        double abu = b(n.abuse());
        double yc = b(n.youngCarer());
        double sr = b(n.schoolRefusal());
        double bullied = b(c.bullied());

        int absence = n.schoolRefusal() ? overdispersed(r, 28, 3)
                : overdispersed(r, 2.2 * Math.exp(0.3 * pov + 0.9 * neg + 0.3 * abu + 1.5 * yc), 1.5);
        v.put("absence_days_term", Value.of(Math.min(100, absence)));
        v.put("late_days_term", Value.of(Math.min(100,
                overdispersed(r, 1.0 * Math.exp(1.2 * neg + 0.9 * yc + 0.6 * sr + 0.4 * abu + 0.2 * pov), 1.2))));
        // School-expense aid: partly taken up by the poor, also granted to some near-poor families.
        boolean aid = h.publicAssistance() || chance(r, n.poverty() ? 0.6 : 0.07);
        v.put("school_expense_aid", Value.of(aid));
        // Aid pays the lunch fees, so arrears come from poverty without aid, or from neglect.
        double arrearsChance = aid ? (n.neglect() ? 0.15 : 0.005) : Math.min(0.9, 0.02 + 0.40 * pov + 0.30 * neg);
        v.put("lunch_fee_arrears_months", Value.of(chance(r, arrearsChance) ? Math.min(36, 1 + poisson(r, 2.0)) : 0));
        v.put("nurse_office_visits_term", Value.of(Math.min(100,
                overdispersed(r, 1.2 * Math.exp(0.6 * abu + 0.4 * sr + 0.2 * neg + 0.2 * yc + 0.4 * bullied), 1.5))));
        v.put("low_mood_days_share", Value.of(round2(Draws.share(r,
                0.08 + 0.22 * sr + 0.15 * abu + 0.08 * yc + 0.12 * bullied + 0.04 * neg, 6))));
        v.put("bullying_reported", Value.of(c.bullied()));
        double z = Draws.normal(r) - 0.5 * pov - 0.6 * neg - 0.8 * sr - 0.4 * yc - 0.2 * abu;
        v.put("academic_percentile", Value.of(Math.max(0, Math.min(100, Math.round(100 * phi(z / 1.1))))));
    }

    /** The child and family support centre's records, and what staff enter. */
    private static void priorContact(SplittableRandom r, Map<String, Value> v, Child c, Needs n) {
        double neg = b(n.neglect());
        double abu = b(n.abuse());
        double contact = 0.02 + 0.30 * neg + 0.45 * abu + 0.35 * b(n.schoolRefusal()) + 0.10 * b(n.youngCarer())
                + 0.03 * b(n.poverty());
        int consultations = chance(r, 1 - Math.exp(-contact))
                ? Math.min(50, 1 + poisson(r, 0.8 + 0.7 * neg + 0.9 * abu)) : 0;
        int reports = chance(r, 1 - Math.exp(-(0.02 + 0.50 * abu + 0.25 * neg)))
                ? Math.min(20, 1 + poisson(r, 0.4 + 0.5 * abu)) : 0;
        boolean protection = chance(r, reports > 0 ? 0.03 + 0.12 * abu : 0.0002);
        v.put("prior_consultations", Value.of(consultations));
        v.put("prior_abuse_reports", Value.of(reports));
        v.put("prior_temporary_protection", Value.of(protection));
        boolean known = consultations > 0 || reports > 0;
        v.put("already_supported", Value.of(known
                ? chance(r, 0.30 + 0.25 * b(protection) + 0.10 * b(n.abuse() || n.neglect())) : chance(r, 0.002)));

        // Red flags: rare, and almost only where there is abuse or neglect. Toddlers cannot ask or disclose.
        boolean speaks = c.age() >= 4;
        v.put("child_asked_for_help", Value.of(speaks && chance(r, 0.0004 + 0.10 * abu + 0.04 * neg
                + 0.03 * b(n.youngCarer()) + 0.02 * b(n.schoolRefusal()))));
        v.put("serious_injury_observed", Value.of(chance(r, 0.0002 + 0.06 * abu + 0.01 * neg)));
        v.put("child_disclosed_violence", Value.of(speaks && chance(r, 0.0003 + 0.10 * abu)));
    }

    /** The standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
    static double phi(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x / 2);
        return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
    }
}
