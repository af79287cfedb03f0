package org.mimamori.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for {@link Expression}s. Grammar, loosest binding first:
 * <pre>
 * or      := and ("or" and)*
 * and     := not ("and" not)*
 * not     := "not" not | compare
 * compare := sum (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum)?
 * sum     := product (("+" | "-") product)*
 * product := unary (("*" | "/") unary)*
 * unary   := "-" unary | primary
 * primary := number | 'text' | yes | no | true | false | item
 *          | known(item) | applicable(item) | min(e, e) | max(e, e) | abs(e) | "(" or ")"
 * </pre>
 * No loops, assignments or calls outside this list exist, so an expression in a schema file is safe to run.
 */
final class ExpressionParser {

    private final String source;
    private final List<Token> tokens;
    private int next;

    ExpressionParser(String source) {
        this.source = source;
        this.tokens = Tokenizer.tokenize(source);
    }

    Expression parse() {
        Node root = or();
        Token t = peek();
        if (t.type() != Token.Type.END) {
            throw new ExpressionException("unexpected '" + t.text() + "'", t.position());
        }
        return new ParsedExpression(source, root);
    }

    private Node or() {
        Node left = and();
        while (acceptWord("or")) {
            left = new Node.Logical(false, left, and());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (acceptWord("and")) {
            left = new Node.Logical(true, left, not());
        }
        return left;
    }

    private Node not() {
        if (acceptWord("not")) {
            return new Node.Not(not());
        }
        return compare();
    }

    private Node compare() {
        Node left = sum();
        Token t = peek();
        if (t.type() == Token.Type.OPERATOR && Node.Compare.OPERATORS.contains(t.text())) {
            next++;
            return new Node.Compare(t.text(), left, sum());
        }
        return left;
    }

    private Node sum() {
        Node left = product();
        while (peekOperator("+") || peekOperator("-")) {
            char op = tokens.get(next++).text().charAt(0);
            left = new Node.Arithmetic(op, left, product());
        }
        return left;
    }

    private Node product() {
        Node left = unary();
        while (peekOperator("*") || peekOperator("/")) {
            char op = tokens.get(next++).text().charAt(0);
            left = new Node.Arithmetic(op, left, unary());
        }
        return left;
    }

    private Node unary() {
        if (peekOperator("-")) {
            next++;
            return new Node.Arithmetic('-', new Node.Constant(org.mimamori.model.value.Value.NO), unary());
        }
        return primary();
    }

    private Node primary() {
        Token t = tokens.get(next++);
        switch (t.type()) {
            case NUMBER:
                return new Node.Constant(org.mimamori.model.value.Value.of(Double.parseDouble(t.text())));
            case TEXT:
                return new Node.Constant(org.mimamori.model.value.Value.category(t.text()));
            case OPERATOR:
                if (t.text().equals("(")) {
                    Node inner = or();
                    expectOperator(")");
                    return inner;
                }
                throw new ExpressionException("unexpected '" + t.text() + "'", t.position());
            case WORD:
                return word(t);
            default:
                throw new ExpressionException("the expression ends too early", t.position());
        }
    }

    private Node word(Token t) {
        String w = t.text();
        switch (w.toLowerCase(Locale.ROOT)) {
            case "yes", "true":
                return new Node.Constant(org.mimamori.model.value.Value.YES);
            case "no", "false":
                return new Node.Constant(org.mimamori.model.value.Value.NO);
            case "and", "or", "not":
                throw new ExpressionException("'" + w + "' needs an operand before it", t.position());
            default:
                break;
        }
        if (!peekOperator("(")) {
            return new Node.ItemRef(w);
        }
        next++;
        List<Node> args = new ArrayList<>();
        if (!peekOperator(")")) {
            do {
                args.add(or());
            } while (acceptOperator(","));
        }
        expectOperator(")");
        return Node.Call.of(w, args, t.position());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean peekOperator(String op) {
        Token t = peek();
        return t.type() == Token.Type.OPERATOR && t.text().equals(op);
    }

    private boolean acceptOperator(String op) {
        if (peekOperator(op)) {
            next++;
            return true;
        }
        return false;
    }

    private void expectOperator(String op) {
        Token t = peek();
        if (!acceptOperator(op)) {
            throw new ExpressionException("expected '" + op + "' but found '" + t.text() + "'", t.position());
        }
    }

    private boolean acceptWord(String word) {
        Token t = peek();
        if (t.type() == Token.Type.WORD && t.text().equalsIgnoreCase(word)) {
            next++;
            return true;
        }
        return false;
    }
}
