package org.mimamori.model.bundle;

import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.schema.LocalizedText;

/** The rule for every weight-like number of a bundle, in one place, and how features are named for people. */
final class Numbers {

    /**
     * The largest magnitude a weight, bias or calibration parameter may have. On the logit scale ±1000 is far
     * beyond any regularised logistic regression (e^20 is already a factor of 500 million), yet small enough
     * that no sum of a few hundred of them overflows.
     */
    static final double MAX_MAGNITUDE = 1000;

    private Numbers() {
    }

    /** Why a number cannot be a weight ({@code is not a finite number} / {@code は有限の数値ではありません}), or null. */
    static LocalizedText unusable(double x) {
        if (!Double.isFinite(x)) {
            return new LocalizedText("は有限の数値ではありません", "is not a finite number");
        }
        if (Math.abs(x) > MAX_MAGNITUDE) {
            return new LocalizedText("は " + x + " で、妥当な大きさの有限の数値ではありません（絶対値は "
                    + (int) MAX_MAGNITUDE + " まで）", "is " + x + ", not a finite number of plausible size (at most ±"
                    + (int) MAX_MAGNITUDE + ")");
        }
        return null;
    }

    /**
     * Records a problem when {@code x} is not a usable weight: {@code "<what> is not a finite number"} /
     * {@code "<what>は有限の数値ではありません"}.
     */
    static boolean check(Findings f, String entry, LocalizedText what, double x) {
        LocalizedText why = unusable(x);
        if (why != null) {
            f.add(entry, what.ja() + why.ja(), what.en() + " " + why.en());
        }
        return why == null;
    }

    /** {@link #check(Findings, String, LocalizedText, double)} with the number named in both languages. */
    static boolean check(Findings f, String entry, String whatJa, String whatEn, double x) {
        return check(f, entry, new LocalizedText(whatJa, whatEn), x);
    }

    /** True when x is a share: a number in [0, 1]. */
    static boolean share(double x) {
        return x >= 0 && x <= 1;
    }

    /** Two numbers agree within an absolute tolerance, scaled up for large values. */
    static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** A feature for people: {@code absence_days_term 3–5} / {@code absence_days_term（3〜5）}. */
    static LocalizedText label(EncodedFeature f) {
        return new LocalizedText(f.item() + "（" + f.label().ja() + "）", f.item() + " " + f.label().en());
    }
}
