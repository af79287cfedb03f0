package org.mimamori.api.decisions;

import java.util.Collection;
import java.util.List;

/** Reads recorded decisions and outcomes, for supervisors' review. Callers audit their own reads. */
public interface DecisionRecords {

    /**
     * @param scoreIds score ids
     * @return the decisions on those scores, oldest first
     */
    List<DecisionRow> decisionsOf(Collection<String> scoreIds);

    /**
     * @param scoreIds score ids
     * @return the outcomes of those scores that have one
     */
    List<OutcomeRow> outcomesOf(Collection<String> scoreIds);

    /**
     * @param decision a decision's value
     * @return whether it acts on the score ({@code outreach} or {@code assessment}), as going against the band is
     *         judged
     */
    static boolean acts(String decision) {
        return DecisionRules.acts(decision);
    }
}
