package org.mimamori.training.card;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mimamori.training.card.CardDocument.Block;
import org.mimamori.training.card.CardDocument.Bullets;
import org.mimamori.training.card.CardDocument.Heading;
import org.mimamori.training.card.CardDocument.Image;
import org.mimamori.training.card.CardDocument.Paragraph;
import org.mimamori.training.card.CardDocument.Preformatted;
import org.mimamori.training.card.CardDocument.Table;

/**
 * Renders a {@link CardDocument} as CommonMark with GitHub-style tables. Every text is escaped, so a label
 * such as {@code <5 days} or {@code *} is shown as written and never read as markup.
 */
final class MarkdownWriter {

    private static final Pattern MARKUP = Pattern.compile("[\\\\`*<>\\[\\]|&]");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([#+=-]+|\\d+[.)])(?=\\s|$)");
    private static final Pattern UNDERSCORE_AT_EDGE = Pattern.compile("(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])");

    private MarkdownWriter() {
    }

    /** The document as Markdown text. */
    static String write(CardDocument document) {
        StringBuilder out = new StringBuilder();
        for (Block block : document.blocks()) {
            block(block, out);
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static void block(Block block, StringBuilder out) {
        if (block instanceof Heading h) {
            out.append("#".repeat(h.level())).append(' ').append(inline(h.text())).append("\n\n");
        } else if (block instanceof Paragraph p) {
            out.append(escapeBlock(p.text())).append("\n\n");
        } else if (block instanceof Bullets b) {
            b.items().forEach(item -> out.append("- ").append(escapeBlock(oneLine(item))).append('\n'));
            out.append('\n');
        } else if (block instanceof Table t) {
            table(t, out);
        } else if (block instanceof Image i) {
            out.append("![").append(inline(i.alt())).append("](").append(i.path()).append(")\n\n");
        } else if (block instanceof Preformatted p) {
            String fence = "`".repeat(Math.max(3, longestBacktickRun(p.text()) + 1));
            out.append(fence).append("text\n").append(p.text().stripTrailing()).append('\n')
                    .append(fence).append("\n\n");
        }
    }

    private static void table(Table t, StringBuilder out) {
        row(t.header(), out);
        out.append('|');
        for (int c = 0; c < t.header().size(); c++) {
            out.append(t.numeric(c) ? " ---: |" : " --- |");
        }
        out.append('\n');
        t.rows().forEach(r -> row(r, out));
        out.append('\n');
    }

    private static void row(List<String> cells, StringBuilder out) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(inline(cell)).append(" |");
        }
        out.append('\n');
    }

    /** Escapes text that stays on one line and cannot start a block (headings, table cells, image text). */
    private static String inline(String text) {
        return escape(oneLine(text));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Escapes markup characters and underscores that could start or end emphasis. */
    static String escape(String text) {
        String s = MARKUP.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        return UNDERSCORE_AT_EDGE.matcher(s).replaceAll(Matcher.quoteReplacement("\\_"));
    }

    /** Escapes like {@link #escape}, and also a line start that would begin a heading, quote or list. */
    static String escapeBlock(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : escape(text).split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            Matcher m = BLOCK_START.matcher(line);
            if (m.find()) {
                String marker = m.group(2);
                String escaped = Character.isDigit(marker.charAt(0))
                        ? marker.substring(0, marker.length() - 1) + "\\" + marker.charAt(marker.length() - 1)
                        : "\\" + marker;
                line = m.group(1) + escaped + line.substring(m.end());
            }
            out.append(line);
        }
        return out.toString();
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
