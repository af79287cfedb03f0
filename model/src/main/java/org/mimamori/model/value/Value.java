package org.mimamori.model.value;

import java.util.Objects;

/**
 * One item's value in a case: a number, a category, <em>unknown</em> (nobody recorded it) or
 * <em>not applicable</em> (the item does not exist for this child, e.g. school absences of a
 * three-year-old). Unknown and not applicable are different facts and stay distinct everywhere.
 *
 * <p>Yes/no items are numbers 1 (yes) and 0 (no). Instances are immutable.
 */
public final class Value {

    /** What kind of value this is. */
    public enum Kind {
        /** A recorded number (also yes/no as 1/0, ordinal levels and shares). */
        NUMBER,
        /** A recorded category of a categorical item. */
        CATEGORY,
        /** Not recorded: the item exists for this child but its value is missing. */
        UNKNOWN,
        /** The item does not apply to this child. */
        NOT_APPLICABLE
    }

    /** The shared unknown value. */
    public static final Value UNKNOWN = new Value(Kind.UNKNOWN, Double.NaN, null);
    /** The shared not-applicable value. */
    public static final Value NOT_APPLICABLE = new Value(Kind.NOT_APPLICABLE, Double.NaN, null);
    /** Yes, as 1. */
    public static final Value YES = new Value(Kind.NUMBER, 1.0, null);
    /** No, as 0. */
    public static final Value NO = new Value(Kind.NUMBER, 0.0, null);

    private final Kind kind;
    private final double number;
    private final String category;

    private Value(Kind kind, double number, String category) {
        this.kind = kind;
        this.number = number;
        this.category = category;
    }

    /** Shared values of the whole numbers 0 to {@value #SHARED_WHOLE_NUMBERS} - 1 (counts, ages, levels). */
    private static final int SHARED_WHOLE_NUMBERS = 1024;
    private static final Value[] WHOLE = new Value[SHARED_WHOLE_NUMBERS];

    static {
        WHOLE[0] = NO;
        WHOLE[1] = YES;
        for (int i = 2; i < SHARED_WHOLE_NUMBERS; i++) {
            WHOLE[i] = new Value(Kind.NUMBER, i, null);
        }
    }

    /**
     * A recorded number; must be finite. Small whole numbers are shared instances (values compare by
     * {@link #equals}, so this only saves memory when millions of cases are read).
     */
    public static Value of(double number) {
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException("a recorded number must be finite, got " + number);
        }
        if (number == 0.0) {
            return NO; // -0.0 too, as always
        }
        if (number > 0 && number < SHARED_WHOLE_NUMBERS && number == Math.rint(number)) {
            return WHOLE[(int) number];
        }
        return new Value(Kind.NUMBER, number, null);
    }

    /** A yes/no value. */
    public static Value of(boolean yes) {
        return yes ? YES : NO;
    }

    /** A recorded category. */
    public static Value category(String category) {
        return new Value(Kind.CATEGORY, Double.NaN, Objects.requireNonNull(category, "category"));
    }

    /** The kind of this value. */
    public Kind kind() {
        return kind;
    }

    /** True when a number or category was recorded. */
    public boolean isKnown() {
        return kind == Kind.NUMBER || kind == Kind.CATEGORY;
    }

    /** True for a recorded number. */
    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** The recorded number; only for {@link Kind#NUMBER}. */
    public double number() {
        if (kind != Kind.NUMBER) {
            throw new IllegalStateException("not a number: " + this);
        }
        return number;
    }

    /** The recorded category; only for {@link Kind#CATEGORY}. */
    public String category() {
        if (kind != Kind.CATEGORY) {
            throw new IllegalStateException("not a category: " + this);
        }
        return category;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Value other)) {
            return false;
        }
        return kind == other.kind
                && Double.compare(number, other.number) == 0
                && Objects.equals(category, other.category);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, number, category);
    }

    /** The value for people and files: the number or category, {@code unknown} or {@code not_applicable}. */
    @Override
    public String toString() {
        return switch (kind) {
            case NUMBER -> formatNumber(number);
            case CATEGORY -> category;
            case UNKNOWN -> "unknown";
            case NOT_APPLICABLE -> "not_applicable";
        };
    }

    /** Integers without a decimal point, other numbers in the shortest form that reads back exactly. */
    public static String formatNumber(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
