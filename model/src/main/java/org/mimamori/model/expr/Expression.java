package org.mimamori.model.expr;

import java.util.Set;
import java.util.function.Function;

import org.mimamori.model.value.Value;

/**
 * A parsed, side-effect-free expression over a case's items, e.g.
 * {@code care_need_level_in_household >= 3 and care_service_used == no}.
 *
 * <p>Evaluation is three-valued: an operand that is unknown makes the result unknown, one that is not
 * applicable makes it not applicable, except where the answer is already decided ({@code no and x} is no,
 * {@code yes or x} is yes). Booleans are the numbers 1 and 0. Instances are immutable and thread-safe.
 */
public interface Expression {

    /** Evaluates against the values of a case, looked up by item id. */
    Value evaluate(Function<String, Value> values);

    /** The item ids this expression reads. */
    Set<String> references();

    /**
     * The numeric constants this expression compares or computes with (e.g. {@code 3} and {@code 5} in
     * {@code care_need_level_in_household >= 3 and absence_days_term >= 5}): the points where its value can
     * change as a numeric item varies.
     */
    default Set<Double> constants() {
        return Set.of();
    }

    /** The source text it was parsed from. */
    String source();

    /** Parses an expression; see {@link ExpressionParser} for the grammar. */
    static Expression parse(String source) {
        return new ExpressionParser(source).parse();
    }
}
