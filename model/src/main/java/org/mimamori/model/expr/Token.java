package org.mimamori.model.expr;

/** A lexical token of an expression. */
record Token(Type type, String text, int position) {

    enum Type { NUMBER, TEXT, WORD, OPERATOR, END }
}
