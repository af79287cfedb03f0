package org.mimamori.model.expr;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import org.mimamori.model.value.Value;

/** An {@link Expression} backed by its syntax tree. */
final class ParsedExpression implements Expression {

    private final String source;
    private final Node root;
    private final Set<String> references;

    ParsedExpression(String source, Node root) {
        this.source = source;
        this.root = root;
        Set<String> refs = new LinkedHashSet<>();
        root.collect(refs::add);
        this.references = Set.copyOf(refs);
    }

    @Override
    public Value evaluate(Function<String, Value> values) {
        return root.eval(values);
    }

    @Override
    public Set<String> references() {
        return references;
    }

    @Override
    public Set<Double> constants() {
        Set<Double> out = new java.util.TreeSet<>();
        walk(root, out);
        return Set.copyOf(out);
    }

    private static void walk(Node node, Set<Double> out) {
        if (node instanceof Node.Constant c && c.value().isNumber()) {
            out.add(c.value().number());
        } else if (node instanceof Node.Not n) {
            walk(n.operand(), out);
        } else if (node instanceof Node.Logical l) {
            walk(l.left(), out);
            walk(l.right(), out);
        } else if (node instanceof Node.Compare c) {
            walk(c.left(), out);
            walk(c.right(), out);
        } else if (node instanceof Node.Arithmetic a) {
            walk(a.left(), out);
            walk(a.right(), out);
        } else if (node instanceof Node.Call c) {
            c.args().forEach(arg -> walk(arg, out));
        }
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
