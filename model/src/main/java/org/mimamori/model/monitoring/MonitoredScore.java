package org.mimamori.model.monitoring;

import java.util.Map;

/**
 * One score as outcome monitoring reads it: what the model said, what staff decided last, and what was
 * confirmed later.
 *
 * @param band          the score's band id
 * @param probability   the calibrated probability the score gave, in [0, 1]
 * @param flagged       whether the band is flagged for outreach
 * @param decided       the latest decision on the score, or null when none is recorded
 * @param needConfirmed the recorded outcome (true: a need for support was confirmed), or null when none
 * @param groups        the score's value of each audit-group item (absent or blank: unknown)
 */
public record MonitoredScore(String band, double probability, boolean flagged, Decided decided,
                             Boolean needConfirmed, Map<String, String> groups) {

    /**
     * A decision as monitoring counts it.
     *
     * @param forOutreach staff decided to act (outreach or an assessment)
     * @param againstBand the decision goes against the band (an override)
     */
    public record Decided(boolean forOutreach, boolean againstBand) {
    }

    /** Checks the fields and copies the groups. */
    public MonitoredScore {
        if (band == null || band.isBlank()) {
            throw new IllegalArgumentException("a monitored score needs a band");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability " + probability + " is not in [0, 1]");
        }
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    /** True when an outcome is recorded. */
    public boolean assessed() {
        return needConfirmed != null;
    }
}
