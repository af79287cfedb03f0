package org.mimamori.training.card;

import java.util.ArrayList;
import java.util.List;

/**
 * A model card as plain blocks of text, independent of the output format: the sections build it once and
 * {@link MarkdownWriter} and {@link HtmlWriter} render the same blocks, so the two files cannot disagree.
 * Texts are plain (never markup); each writer escapes them.
 */
final class CardDocument {

    /** One block of the card. */
    sealed interface Block permits Heading, Paragraph, Bullets, Table, Image, Preformatted {
    }

    /**
     * A heading.
     *
     * @param level 1 for the title, 2 for a section, 3 below
     * @param text  the heading
     */
    record Heading(int level, String text) implements Block {
    }

    /**
     * A paragraph.
     *
     * @param lang the language tag of the text ({@code en} or {@code ja})
     * @param text the text
     */
    record Paragraph(String lang, String text) implements Block {
    }

    /**
     * A bulleted list.
     *
     * @param lang  the language tag of the items
     * @param items the items
     */
    record Bullets(String lang, List<String> items) implements Block {
        Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * A table; columns whose cells are all numbers (or "—") are right-aligned by the writers.
     *
     * @param header the column headings
     * @param rows   the rows, each as long as the header
     */
    record Table(List<String> header, List<List<String>> rows) implements Block {
        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row " + row + " does not match header " + header);
                }
            }
        }

        /** Whether every non-empty cell of a column is a number, a percentage, a ratio or "—". */
        boolean numeric(int column) {
            boolean any = false;
            for (List<String> row : rows) {
                String cell = row.get(column);
                if (!cell.isEmpty()) {
                    any = true;
                    if (!cell.matches("[-+−]?[0-9∞—][0-9.,%∞—]*( ⚑)?")) {
                        return false;
                    }
                }
            }
            return any;
        }
    }

    /**
     * A picture from the bundle.
     *
     * @param path the bundle entry, relative to the card, e.g. {@code plots/roc.png}
     * @param alt  what it shows, in words
     */
    record Image(String path, String alt) implements Block {
    }

    /**
     * Preformatted text, shown as is in a fixed-width font.
     *
     * @param text the text
     */
    record Preformatted(String text) implements Block {
    }

    private final String lang;
    private final CardTemplate template;
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    /**
     * An empty card in one language with a title (also the first heading).
     *
     * @param lang     {@code en} or {@code ja}: every text of the card is in it
     * @param template the domain's sentences
     * @param title    the title
     */
    CardDocument(String lang, CardTemplate template, String title) {
        if (!lang.equals("en") && !lang.equals("ja")) {
            throw new IllegalArgumentException("a card is in en or ja, not " + lang);
        }
        this.lang = lang;
        this.template = template;
        this.title = title;
        blocks.add(new Heading(1, title));
    }

    /** The card's language, {@code en} or {@code ja}. */
    String lang() {
        return lang;
    }

    /** The domain's sentences. */
    CardTemplate template() {
        return template;
    }

    /** The text in the card's language. */
    String t(String en, String ja) {
        return lang.equals("ja") ? ja : en;
    }

    /** A template or schema text in the card's language. */
    String t(org.mimamori.model.schema.LocalizedText text) {
        return CardTemplate.pick(text, lang);
    }

    /** The title. */
    String title() {
        return title;
    }

    /** The blocks, in order. */
    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** Adds a section heading. */
    CardDocument section(CardSection section) {
        blocks.add(new Heading(2, section.heading(lang)));
        return this;
    }

    /** Adds a sub-heading. */
    CardDocument subheading(String text) {
        blocks.add(new Heading(3, text));
        return this;
    }

    /** Adds a paragraph in the card's language. */
    CardDocument paragraph(String text) {
        blocks.add(new Paragraph(lang, text));
        return this;
    }

    /** Adds a bulleted list in the card's language. */
    CardDocument bullets(List<String> items) {
        blocks.add(new Bullets(lang, items));
        return this;
    }

    /** Adds a table. */
    CardDocument table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(header, rows));
        return this;
    }

    /** Adds a picture. */
    CardDocument image(String path, String alt) {
        blocks.add(new Image(path, alt));
        return this;
    }

    /** Adds preformatted text. */
    CardDocument preformatted(String text) {
        blocks.add(new Preformatted(text));
        return this;
    }
}
