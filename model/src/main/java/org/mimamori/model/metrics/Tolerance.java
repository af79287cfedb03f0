package org.mimamori.model.metrics;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The band of disparity ratios that raises no flag, bounds included; written in JSON as
 * {@code [lower, upper]}. The default 0.8–1.25 is the "four-fifths rule" and its reciprocal.
 *
 * @param lower the smallest unflagged ratio, in (0, 1]
 * @param upper the largest unflagged ratio, at least 1
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"lower", "upper"})
public record Tolerance(double lower, double upper) {

    /** The default band, 0.8 to 1.25. */
    public static final Tolerance DEFAULT = new Tolerance(0.8, 1.25);

    /** Checks that the band holds 1 (no disparity) and is positive. */
    public Tolerance {
        if (!(lower > 0 && lower <= 1 && upper >= 1 && upper < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tolerance " + lower + "," + upper
                    + " must satisfy 0 < lower <= 1 <= upper");
        }
    }

    /**
     * Parses {@code "lower,upper"}, e.g. {@code "0.8,1.25"}.
     *
     * @throws IllegalArgumentException when the text is not two numbers forming a valid band
     */
    public static Tolerance parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("tolerance '" + text + "' must be two numbers: lower,upper");
        }
        try {
            return new Tolerance(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tolerance '" + text + "' must be two numbers: lower,upper");
        }
    }

    /** Whether a ratio lies inside the band; NaN is not inside, +Infinity is not inside. */
    public boolean contains(double ratio) {
        return ratio >= lower && ratio <= upper;
    }
}
