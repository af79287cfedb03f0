package org.mimamori.api.decisions;

import java.time.Instant;

/**
 * A row of {@code decision}: a person's decision on a score, how it stands to the score, and its sign-off.
 *
 * @param id                the decision's id
 * @param scoreId           the score decided on
 * @param decision          outreach, assessment, monitor or no_action
 * @param reason            the reason given, or null
 * @param dismissesRedFlags whether the decider dismissed the score's red flags
 * @param band              the score's band id, null when the estimate was withheld
 * @param bandRank          the band's position among the model's bands (0 = lowest), or null
 * @param againstBand       the decision goes against the band
 * @param againstRedFlag    the decision goes against the score's red flags
 * @param decidedBy         who decided
 * @param deciderRole       under which role
 * @param decidedAt         when
 * @param signOffStatus     not_needed, pending, signed or rejected
 * @param signOffBy         the supervisor who signed off or rejected, or null
 * @param signOffAt         when, or null
 * @param signOffNote       the supervisor's note, or null
 */
public record DecisionRow(String id, String scoreId, String decision, String reason, boolean dismissesRedFlags,
                   String band, Integer bandRank, boolean againstBand, boolean againstRedFlag, String decidedBy,
                   String deciderRole, Instant decidedAt, String signOffStatus, String signOffBy,
                   Instant signOffAt, String signOffNote) {
}
