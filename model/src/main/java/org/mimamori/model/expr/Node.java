package org.mimamori.model.expr;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.mimamori.model.value.Value;
import org.mimamori.model.value.Value.Kind;

/** The syntax tree of an expression and its three-valued evaluation. */
sealed interface Node {

    Value eval(Function<String, Value> values);

    /** Reports every item id read by this node. */
    void collect(Consumer<String> references);

    /** Unknown or not applicable from operands: unknown wins, since it might still be anything. */
    static Value missing(Value a, Value b) {
        if (a.kind() == Kind.UNKNOWN || b.kind() == Kind.UNKNOWN) {
            return Value.UNKNOWN;
        }
        return Value.NOT_APPLICABLE;
    }

    record Constant(Value value) implements Node {
        @Override
        public Value eval(Function<String, Value> values) {
            return value;
        }

        @Override
        public void collect(Consumer<String> references) {
        }
    }

    record ItemRef(String item) implements Node {
        @Override
        public Value eval(Function<String, Value> values) {
            Value v = values.apply(item);
            return v == null ? Value.UNKNOWN : v;
        }

        @Override
        public void collect(Consumer<String> references) {
            references.accept(item);
        }
    }

    record Not(Node operand) implements Node {
        @Override
        public Value eval(Function<String, Value> values) {
            Value v = operand.eval(values);
            return v.isNumber() ? Value.of(v.number() == 0.0) : v.isKnown() ? Value.UNKNOWN : v;
        }

        @Override
        public void collect(Consumer<String> references) {
            operand.collect(references);
        }
    }

    /** Kleene logic: a decided operand (no for and, yes for or) decides the result. */
    record Logical(boolean isAnd, Node left, Node right) implements Node {
        @Override
        public Value eval(Function<String, Value> values) {
            Value a = left.eval(values);
            if (decides(a)) {
                return a;
            }
            Value b = right.eval(values);
            if (decides(b)) {
                return b;
            }
            if (a.isNumber() && b.isNumber()) {
                return Value.of(isAnd);
            }
            if (a.isNumber()) {
                return b.isKnown() ? Value.UNKNOWN : b;
            }
            if (b.isNumber()) {
                return a.isKnown() ? Value.UNKNOWN : a;
            }
            return missing(a, b);
        }

        private boolean decides(Value v) {
            return v.isNumber() && (isAnd ? v.number() == 0.0 : v.number() != 0.0);
        }

        @Override
        public void collect(Consumer<String> references) {
            left.collect(references);
            right.collect(references);
        }
    }

    record Compare(String operator, Node left, Node right) implements Node {
        static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=");

        @Override
        public Value eval(Function<String, Value> values) {
            Value a = left.eval(values);
            Value b = right.eval(values);
            if (!a.isKnown() || !b.isKnown()) {
                return a.isKnown() ? (b.kind() == Kind.UNKNOWN ? Value.UNKNOWN : b)
                        : b.isKnown() ? a : missing(a, b);
            }
            if (a.kind() != b.kind()) {
                // A category never equals a number.
                return Value.of(operator.equals("!="));
            }
            int c = a.isNumber() ? Double.compare(a.number(), b.number()) : a.category().compareTo(b.category());
            return Value.of(switch (operator) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            });
        }

        @Override
        public void collect(Consumer<String> references) {
            left.collect(references);
            right.collect(references);
        }
    }

    record Arithmetic(char operator, Node left, Node right) implements Node {
        @Override
        public Value eval(Function<String, Value> values) {
            Value a = left.eval(values);
            Value b = right.eval(values);
            if (!a.isNumber() || !b.isNumber()) {
                if (a.isNumber() || a.kind() == Kind.CATEGORY) {
                    return b.kind() == Kind.CATEGORY ? Value.UNKNOWN : b;
                }
                return b.isKnown() ? a : missing(a, b);
            }
            double x = a.number();
            double y = b.number();
            double r = switch (operator) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                default -> x / y;
            };
            return Double.isFinite(r) ? Value.of(r) : Value.UNKNOWN;
        }

        @Override
        public void collect(Consumer<String> references) {
            left.collect(references);
            right.collect(references);
        }
    }

    /** The built-in functions: known, applicable, min, max, abs. */
    record Call(String function, List<Node> args) implements Node {

        static Call of(String function, List<Node> args, int position) {
            int arity = switch (function) {
                case "known", "applicable", "abs" -> 1;
                case "min", "max" -> 2;
                default -> throw new ExpressionException("unknown function '" + function
                        + "' (known: known, applicable, min, max, abs)", position);
            };
            if (args.size() != arity) {
                throw new ExpressionException(function + "() takes " + arity + " argument(s), got " + args.size(),
                        position);
            }
            if ((function.equals("known") || function.equals("applicable")) && !(args.get(0) instanceof ItemRef)) {
                throw new ExpressionException(function + "() takes an item id", position);
            }
            return new Call(function, List.copyOf(args));
        }

        @Override
        public Value eval(Function<String, Value> values) {
            Value a = args.get(0).eval(values);
            switch (function) {
                case "known":
                    return Value.of(a.isKnown());
                case "applicable":
                    return Value.of(a.kind() != Kind.NOT_APPLICABLE);
                case "abs":
                    return a.isNumber() ? Value.of(Math.abs(a.number())) : a.isKnown() ? Value.UNKNOWN : a;
                default:
                    Value b = args.get(1).eval(values);
                    if (!a.isNumber() || !b.isNumber()) {
                        return new Arithmetic('+', new Constant(a), new Constant(b)).eval(values);
                    }
                    return Value.of(function.equals("min") ? Math.min(a.number(), b.number())
                            : Math.max(a.number(), b.number()));
            }
        }

        @Override
        public void collect(Consumer<String> references) {
            args.forEach(a -> a.collect(references));
        }
    }
}
