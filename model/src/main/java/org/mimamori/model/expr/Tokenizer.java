package org.mimamori.model.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into {@link Token}s. */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                String number = s.substring(start, i);
                if (number.indexOf('.') != number.lastIndexOf('.')) {
                    throw new ExpressionException("malformed number '" + number + "'", start);
                }
                out.add(new Token(Token.Type.NUMBER, number, start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Token.Type.WORD, s.substring(start, i), start));
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new ExpressionException("unterminated text", i);
                }
                out.add(new Token(Token.Type.TEXT, s.substring(i + 1, end), i));
                i = end + 1;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("==") || two.equals("!=")) {
                    out.add(new Token(Token.Type.OPERATOR, two, i));
                    i += 2;
                } else if ("+-*/()<>,".indexOf(c) >= 0) {
                    out.add(new Token(Token.Type.OPERATOR, String.valueOf(c), i));
                    i++;
                } else if (c == '=') {
                    throw new ExpressionException("use '==' to compare", i);
                } else {
                    throw new ExpressionException("unexpected character '" + c + "'", i);
                }
            }
        }
        out.add(new Token(Token.Type.END, "end of expression", s.length()));
        return out;
    }
}
