package org.mimamori.api.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.mimamori.api.security.Caller;

/**
 * Judgement-first mode ({@code mimamori.judgement-first}): a caseworker sees no number or band of a score until
 * their own assessment of its child is recorded (at or after the score was made). Supervisors, auditors, admins
 * and analysts, who review rather than decide the case, see them. The one place of this rule.
 */
public interface ScoreVisibility {

    /**
     * An own assessment as the review shows it.
     *
     * @param scoreId the score it was recorded on
     */
    record OwnAssessment(String scoreId, String level, String note, String assessedBy, java.time.Instant assessedAt) {
    }

    /**
     * @param caller the caller
     * @return true when the mode is on and the caller is a caseworker, so that numbers may be hidden from them
     */
    boolean appliesTo(Caller caller);

    /**
     * @param scoreIds score ids
     * @param caller   the caller
     * @return those of the scores whose numbers and bands the caller may not see yet (empty when the rule does
     *         not apply to the caller)
     */
    Set<String> hidden(Collection<String> scoreIds, Caller caller);

    /**
     * @param scoreIds score ids
     * @return the own assessments recorded on those scores, oldest first
     */
    List<OwnAssessment> assessmentsOf(Collection<String> scoreIds);
}
