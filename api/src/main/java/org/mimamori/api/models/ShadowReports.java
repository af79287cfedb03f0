package org.mimamori.api.models;

import java.util.Optional;

/**
 * The shadow report's headline figures, for the approval record: how a shadow model compared with the active
 * model over the requests it scored silently. Implemented by shadow scoring; the lifecycle records the summary
 * with the approval.
 */
public interface ShadowReports {

    /**
     * A shadow report's headline.
     *
     * @param activeVersion      the active model it was compared with
     * @param scored             how many scores the shadow model made beside the active one
     * @param bandAgreement      the share of them in the same band as the active model's (NaN when none)
     * @param meanAbsDifference  the mean absolute difference of the two probabilities (NaN when none)
     * @param maxAbsDifference   the largest absolute difference of the two probabilities (NaN when none)
     */
    record Summary(String activeVersion, long scored, double bandAgreement, double meanAbsDifference,
                   double maxAbsDifference) {
    }

    /**
     * The headline of a model's shadow report, over what it scored in shadow.
     *
     * @param shadowVersion the model that was (or is) in shadow
     * @return its summary, or empty when it never scored in shadow
     */
    Optional<Summary> summary(String shadowVersion);
}
