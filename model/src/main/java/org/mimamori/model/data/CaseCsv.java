package org.mimamori.model.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.value.Value;

/**
 * Cases as CSV: one column per recorded item (header = item ids), one row per case. An empty cell is
 * unknown, {@code not_applicable} is not applicable, yes/no is written 1/0. Derived items are never
 * written and are recomputed when read.
 */
public final class CaseCsv {

    private static final int MAX_PROBLEMS = 50;

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
        return read(schema, CsvTable.read(file));
    }

    /**
     * Reads cases from a CSV table.
     *
     * @throws InvalidCaseException naming unknown columns and invalid cells (row and column), up to 50
     */
    public static Read read(FeatureSchema schema, CsvTable table) {
        List<CaseProblem> problems = new ArrayList<>();
        int n = schema.items().size();
        int[] itemOfColumn = new int[table.header().size()];
        boolean[] present = new boolean[n];
        for (int c = 0; c < itemOfColumn.length; c++) {
            String name = table.header().get(c);
            int i = schema.indexOf(name);
            itemOfColumn[c] = i;
            if (i < 0) {
                problems.add(new CaseProblem(name, 0, "column is not an item of schema " + schema.id()));
            } else if (present[i]) {
                problems.add(new CaseProblem(name, 0, "column appears twice"));
            } else if (schema.items().get(i).isDerived()) {
                itemOfColumn[c] = -1; // recomputed from the other items
            } else {
                present[i] = true;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
        List<Case> cases = new ArrayList<>(table.rows().size());
        int row = 0;
        for (String[] cells : table.rows()) {
            row++;
            Value[] given = new Value[n];
            for (int c = 0; c < cells.length; c++) {
                int i = itemOfColumn[c];
                if (i < 0) {
                    continue;
                }
                try {
                    given[i] = ValueParser.fromText(schema.items().get(i), cells[c]);
                } catch (IllegalArgumentException e) {
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(new CaseProblem(table.header().get(c), row, e.getMessage()));
                    }
                }
            }
            if (problems.isEmpty()) {
                cases.add(Case.fromChecked(schema, given));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!present[i] && !schema.items().get(i).isDerived()) {
                missing.add(schema.items().get(i).id());
            }
        }
        return new Read(cases, missing);
    }

    /** The columns a case file of this schema has: every recorded (not derived) item, in schema order. */
    public static List<Item> columns(FeatureSchema schema) {
        return schema.items().stream().filter(i -> !i.isDerived()).toList();
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
