package org.mimamori.model.bundle;

import org.mimamori.model.encoding.EncodedFeature;

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

    /** Why a number cannot be a weight ({@code "is not a finite number"}), or null when it can. */
    static String unusable(double x) {
        if (!Double.isFinite(x)) {
            return "is not a finite number";
        }
        if (Math.abs(x) > MAX_MAGNITUDE) {
            return "is " + x + ", not a finite number of plausible size (at most ±" + (int) MAX_MAGNITUDE + ")";
        }
        return null;
    }

    /** Records a problem when {@code x} is not a usable weight: {@code "<what> is not a finite number"}. */
    static boolean check(Findings f, String entry, String what, double x) {
        String why = unusable(x);
        if (why != null) {
            f.add(entry, what + " " + why);
        }
        return why == null;
    }

    /** True when x is a share: a number in [0, 1]. */
    static boolean share(double x) {
        return x >= 0 && x <= 1;
    }

    /** Two numbers agree within an absolute tolerance, scaled up for large values. */
    static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** A feature for people: {@code absence_days_term 3–5}, {@code single_parent unknown}. */
    static String label(EncodedFeature f) {
        return f.item() + " " + f.description();
    }
}
