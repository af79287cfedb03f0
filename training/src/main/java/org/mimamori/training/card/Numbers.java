package org.mimamori.training.card;

import java.util.Locale;

/**
 * How the card writes numbers: always {@link Locale#ROOT} (a decimal point, whatever the machine's locale),
 * an undefined value (NaN) as "—" and an infinite one as "∞", never "-0".
 */
final class Numbers {

    /** What an undefined number is shown as. */
    static final String UNDEFINED = "—";

    private Numbers() {
    }

    /** A number with a fixed number of decimals. */
    static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return UNDEFINED;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "−∞";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** A number with a fixed number of decimals and an explicit sign, e.g. {@code +0.012}. */
    static String signed(double x, int decimals) {
        String s = fixed(x, decimals);
        return Double.isFinite(x) && !s.startsWith("-") ? "+" + s : s;
    }

    /** A share as a percentage with one decimal, e.g. {@code 12.5%}. */
    static String percent(double share) {
        return Double.isFinite(share) ? fixed(share * 100, 1) + "%" : fixed(share, 1);
    }

    /** A share as a percentage without trailing zeros, e.g. {@code 95%}, {@code 2.5%}: for settings. */
    static String percentPlain(double share) {
        return Double.isFinite(share) ? plain(share * 100) + "%" : fixed(share, 0);
    }

    /** A probability or rate with three decimals. */
    static String rate(double x) {
        return fixed(x, 3);
    }

    /** A number as short as possible: no trailing zeros, e.g. {@code 0.003}, {@code 1}, {@code 0.25}. */
    static String plain(double x) {
        if (!Double.isFinite(x)) {
            return fixed(x, 0);
        }
        String s = String.format(Locale.ROOT, "%.6f", x).replaceAll("\\.?0+$", "");
        return s.equals("-0") ? "0" : s;
    }
}
