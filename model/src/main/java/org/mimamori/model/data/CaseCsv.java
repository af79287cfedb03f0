package org.mimamori.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.schema.DidYouMean;
import org.mimamori.model.value.Value;

/**
 * Cases as CSV: one column per recorded item (header = item ids), one row per case; columns of items of role
 * {@code ignore} are accepted and never read. An empty cell is unknown, {@code not_applicable} is not
 * applicable, yes/no is written 1/0. Derived items are never written and are recomputed when read.
 */
public final class CaseCsv {

    /** How many invalid rows per column a problem report keeps as examples. */
    public static final int EXAMPLES_PER_COLUMN = 5;

    private CaseCsv() {
    }

    /**
     * Cases read from a file, with the schema items that had no column (they are unknown in every case).
     *
     * @param cases          the cases, in file order
     * @param missingColumns recorded items with no column in the file
     */
    public record Read(List<Case> cases, List<String> missingColumns) {
    }

    /** Reads cases from a CSV file. */
    public static Read read(FeatureSchema schema, Path file) throws IOException {
        // Streamed: each row becomes a case as it is read, so the file's text is never held whole. This thread
        // splits the cells; one other thread turns the rows into cases, in file order (the same cases and the same
        // problems as on one thread).
        String source = file.getFileName().toString();
        List<Reader> reader = new ArrayList<>(1);
        List<OrderedHandOff> handOff = new ArrayList<>(1);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvTable.stream(in, source, header -> {
                reader.add(new Reader(schema, header, source));
                handOff.add(new OrderedHandOff(reader.get(0)::row, "cases of " + source));
                return handOff.get(0);
            });
            if (!handOff.isEmpty()) {
                handOff.get(0).finish();
            }
        } catch (IOException | RuntimeException | Error e) {
            Throwable first = handOff.isEmpty() ? null : handOff.get(0).failureBefore();
            if (first != null && first != e) {
                if (first instanceof RuntimeException r) {
                    throw r;
                }
                if (first instanceof Error err) {
                    throw err;
                }
            }
            throw e;
        }
        return reader.get(0).finish();
    }

    /** Reads cases from a CSV table. */
    public static Read read(FeatureSchema schema, CsvTable table) {
        return read(schema, table, null);
    }

    /**
     * Reads cases from a CSV table. Columns of items with role {@code ignore} are skipped unread.
     *
     * @param source the file name shown in problems, or null
     * @throws InvalidCaseException naming unknown or duplicated columns; or, per column, how many rows hold an
     *                              invalid value and the first {@value #EXAMPLES_PER_COLUMN} of them
     */
    public static Read read(FeatureSchema schema, CsvTable table, String source) {
        Reader reader = new Reader(schema, table.header(), source);
        table.rows().forEach(reader::row);
        return reader.finish();
    }

    /** Turns rows into cases one at a time, counting invalid cells per column. */
    private static final class Reader {
        private final FeatureSchema schema;
        private final List<String> header;
        private final String source;
        private final int[] itemOfColumn;
        private final List<CaseProblem> examples = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final List<Case> cases = new ArrayList<>();
        private int row;

        Reader(FeatureSchema schema, List<String> header, String source) {
            this.schema = schema;
            this.header = header;
            this.source = source;
            this.itemOfColumn = columnsToItems(schema, header, source);
        }

        void row(String[] cells) {
            row++;
            Value[] given = new Value[schema.items().size()];
            boolean valid = true;
            for (int c = 0; c < cells.length; c++) {
                int i = itemOfColumn[c];
                if (i < 0) {
                    continue;
                }
                try {
                    given[i] = ValueParser.fromText(schema.items().get(i), cells[c]);
                } catch (IllegalArgumentException e) {
                    valid = false;
                    String column = header.get(c);
                    if (counts.merge(column, 1, Integer::sum) <= EXAMPLES_PER_COLUMN) {
                        examples.add(new CaseProblem(column, row, e instanceof InvalidValueException v ? v.text()
                                : LocalizedText.of(e.getMessage())));
                    }
                }
            }
            if (valid && counts.isEmpty()) {
                cases.add(Case.fromChecked(schema, given));
            }
        }

        Read finish() {
            if (!counts.isEmpty()) {
                throw new InvalidCaseException(source, examples, counts);
            }
            int n = schema.items().size();
            boolean[] present = new boolean[n];
            for (int i : itemOfColumn) {
                if (i >= 0) {
                    present[i] = true;
                }
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Item item = schema.items().get(i);
                if (!present[i] && !item.isDerived() && item.isRead()) {
                    missing.add(item.id());
                }
            }
            return new Read(cases, missing);
        }
    }

    /**
     * The item position each column is read into: -1 for a derived item's column (recomputed) and for an
     * {@code ignore} item's column (never read).
     */
    private static int[] columnsToItems(FeatureSchema schema, List<String> header, String source) {
        List<CaseProblem> problems = new ArrayList<>();
        int[] itemOfColumn = new int[header.size()];
        boolean[] seen = new boolean[schema.items().size()];
        List<String> ids = schema.items().stream().map(Item::id).toList();
        for (int c = 0; c < itemOfColumn.length; c++) {
            String name = header.get(c);
            int i = schema.indexOf(name);
            itemOfColumn[c] = -1;
            if (i < 0) {
                LocalizedText guess = DidYouMean.of(name, ids);
                problems.add(new CaseProblem(name, 0, new LocalizedText("この列はスキーマ " + schema.id() + " の項目ではありません"
                        + guess.ja() + "。スキーマで宣言してください（データ項目でなければ role: ignore）",
                        "column is not an item of schema " + schema.id() + guess.en()
                        + "; declare it in the schema (role: ignore if it is not a data item)")));
            } else if (seen[i]) {
                problems.add(new CaseProblem(name, 0, new LocalizedText("この列が二度あります", "column appears twice")));
            } else {
                seen[i] = true;
                Item item = schema.items().get(i);
                itemOfColumn[c] = item.isDerived() || !item.isRead() ? -1 : i;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(source, problems, problemCounts(problems));
        }
        return itemOfColumn;
    }

    private static Map<String, Integer> problemCounts(List<CaseProblem> problems) {
        Map<String, Integer> out = new LinkedHashMap<>();
        problems.forEach(p -> out.merge(p.field(), 1, Integer::sum));
        return out;
    }

    /**
     * The columns a case file of this schema has: every recorded (not derived) item that is read (not of role
     * {@code ignore}), in schema order.
     */
    public static List<Item> columns(FeatureSchema schema) {
        return schema.items().stream().filter(i -> !i.isDerived() && i.isRead()).toList();
    }

    /**
     * The columns of a cohort file to screen (to be scored, not trained on): the reference and the items that
     * may be sent for scoring ({@link Item#whyNotSentForScoring()}), in schema order.
     */
    public static List<Item> cohortColumns(FeatureSchema schema) {
        return schema.items().stream().filter(i -> i.role() == org.mimamori.model.schema.Role.REFERENCE_ID
                || i.whyNotSentForScoring() == null).toList();
    }

    /** Writes a header line of the given columns. */
    public static void writeHeader(List<Item> columns, Writer out) {
        CsvTable.writeLine(out, columns.stream().map(Item::id).toList());
    }

    /** Writes one case as a line of the given columns. */
    public static void writeRow(Case c, List<Item> columns, Writer out) {
        List<String> cells = new ArrayList<>(columns.size());
        for (Item item : columns) {
            cells.add(ValueParser.toText(c.get(item.id())));
        }
        CsvTable.writeLine(out, cells);
    }

    /** Writes the header line for {@link #columns(FeatureSchema)}. */
    public static void writeHeader(FeatureSchema schema, Writer out) {
        CsvTable.writeLine(out, columns(schema).stream().map(Item::id).toList());
    }

    /** Writes one case as a line under {@link #writeHeader}. */
    public static void writeRow(Case c, Writer out) throws IOException {
        List<Item> cols = columns(c.schema());
        List<String> cells = new ArrayList<>(cols.size());
        for (Item item : cols) {
            cells.add(ValueParser.toText(c.get(item.id())));
        }
        CsvTable.writeLine(out, cells);
    }
}
