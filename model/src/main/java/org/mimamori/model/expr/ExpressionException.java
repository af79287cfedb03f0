package org.mimamori.model.expr;

/** A syntax error in an expression, with the character position where it was found. */
public final class ExpressionException extends IllegalArgumentException {

    private final int position;

    /** Creates the error for a 0-based character position. */
    public ExpressionException(String message, int position) {
        super(message + " (at character " + (position + 1) + ")");
        this.position = position;
    }

    /** The 0-based character position of the error. */
    public int position() {
        return position;
    }
}
