package org.mimamori.model.scoring;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;

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

    /** Checks the settings, naming each that is out of range. */
    public ScoringSettings {
        java.util.List<LocalizedText> bad = new java.util.ArrayList<>();
        if (!(intervalLevel > 0 && intervalLevel < 1)) {
            bad.add(new LocalizedText("推定の幅の信頼水準（" + intervalLevel + "）は 0 と 1 の間でなければなりません",
                    "the interval level " + intervalLevel + " is not between 0 and 1"));
        }
        if (!(maxIntervalWidth > 0 && maxIntervalWidth <= 1)) {
            bad.add(new LocalizedText("推定の幅の許容最大値（" + maxIntervalWidth + "）は 0 より大きく 1 以下でなければなりません",
                    "the widest interval " + maxIntervalWidth + " is not a probability width in (0, 1]"));
        }
        if (!(maxUnknownShare >= 0 && maxUnknownShare <= 1)) {
            bad.add(new LocalizedText("不明な項目の割合の許容最大値（" + maxUnknownShare + "）は 0 以上 1 以下でなければなりません",
                    "the share of unknown items " + maxUnknownShare + " is not a share in [0, 1]"));
        }
        if (!bad.isEmpty()) {
            throw new InvalidValueException(new LocalizedText(
                    String.join("。", bad.stream().map(LocalizedText::ja).toList()),
                    String.join("; ", bad.stream().map(LocalizedText::en).toList())));
        }
    }
}
