package org.mimamori.model.scoring;

/**
 * When the scorer warns or withholds an estimate.
 *
 * @param intervalLevel    the coverage of the uncertainty interval, e.g. 0.95
 * @param maxIntervalWidth the widest interval (in probability) for which a number is still shown
 * @param maxUnknownShare  the share of input items that may be unknown before the scorer warns
 */
public record ScoringSettings(double intervalLevel, double maxIntervalWidth, double maxUnknownShare) {

    /** 95% intervals; no number when the interval is wider than 0.25; warn when over half the items are unknown. */
    public static final ScoringSettings DEFAULT = new ScoringSettings(0.95, 0.25, 0.5);

    /** Checks the settings. */
    public ScoringSettings {
        if (!(intervalLevel > 0 && intervalLevel < 1) || !(maxIntervalWidth > 0) || !(maxUnknownShare >= 0)) {
            throw new IllegalArgumentException("invalid scoring settings");
        }
    }
}
