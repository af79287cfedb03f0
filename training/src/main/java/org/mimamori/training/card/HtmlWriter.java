package org.mimamori.training.card;

import java.util.List;

import org.mimamori.training.card.CardDocument.Block;
import org.mimamori.training.card.CardDocument.Bullets;
import org.mimamori.training.card.CardDocument.Heading;
import org.mimamori.training.card.CardDocument.Image;
import org.mimamori.training.card.CardDocument.Paragraph;
import org.mimamori.training.card.CardDocument.Preformatted;
import org.mimamori.training.card.CardDocument.Table;

/**
 * Renders a {@link CardDocument} as one self-contained HTML page (UTF-8, inline CSS, no scripts, pictures
 * linked relative to the card as in the bundle). Every text is escaped.
 */
final class HtmlWriter {

    private static final String STYLE = """
            body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", system-ui, sans-serif;
                   max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
            h1 { font-size: 1.7rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
            h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
            h3 { font-size: 1.05rem; margin-top: 1.4rem; }
            table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
            th, td { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; text-align: left; }
            th { background: #f0f0f0; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            figure { margin: 1rem 0; }
            img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            pre { background: #f6f6f6; border: 1px solid #ddd; padding: .6rem; overflow-x: auto; font-size: .8rem; }
            """;

    private HtmlWriter() {
    }

    /** The document as an HTML page. */
    static String write(CardDocument document) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(document.lang())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        int section = 0;
        for (Block block : document.blocks()) {
            if (block instanceof Heading h && h.level() == 2) {
                section++;
            }
            block(block, section, out);
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void block(Block block, int section, StringBuilder out) {
        if (block instanceof Heading h) {
            String id = h.level() == 2 ? " id=\"section-" + section + "\"" : "";
            out.append("<h").append(h.level()).append(id).append('>').append(escape(h.text()))
                    .append("</h").append(h.level()).append(">\n");
        } else if (block instanceof Paragraph p) {
            out.append("<p").append('>').append(escape(p.text())).append("</p>\n");
        } else if (block instanceof Bullets b) {
            out.append("<ul").append(">\n");
            b.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
            out.append("</ul>\n");
        } else if (block instanceof Table t) {
            table(t, out);
        } else if (block instanceof Image i) {
            out.append("<figure><img src=\"").append(escape(i.path())).append("\" alt=\"")
                    .append(escape(i.alt())).append("\"></figure>\n");
        } else if (block instanceof Preformatted p) {
            out.append("<pre>").append(escape(p.text().stripTrailing())).append("</pre>\n");
        }
    }

    private static void table(Table t, StringBuilder out) {
        boolean[] numeric = new boolean[t.header().size()];
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = t.numeric(c);
        }
        out.append("<table>\n<thead>\n");
        row("th", t.header(), numeric, out);
        out.append("</thead>\n<tbody>\n");
        t.rows().forEach(r -> row("td", r, numeric, out));
        out.append("</tbody>\n</table>\n");
    }

    private static void row(String cell, List<String> cells, boolean[] numeric, StringBuilder out) {
        out.append("<tr>");
        for (int c = 0; c < cells.size(); c++) {
            out.append('<').append(cell).append(numeric[c] ? " class=\"num\">" : ">").append(escape(cells.get(c)))
                    .append("</").append(cell).append('>');
        }
        out.append("</tr>\n");
    }


    /** Escapes the characters that are markup in HTML text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
