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
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
