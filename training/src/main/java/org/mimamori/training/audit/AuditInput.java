package org.mimamori.training.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mimamori.model.data.CsvTable;
import org.mimamori.model.value.Spelling;

/**
 * The audit's input read from a CSV table: one score, one label and one value per group column per row.
 * Every row is used; a row whose score or label cannot be read is an error naming the row and the column,
 * never skipped. Rows are numbered from 1 at the first line after the header.
 *
 * @param scores the scores
 * @param labels the labels, true for positive
 * @param groups per group column, in the order given, the value of every row
 */
record AuditInput(double[] scores, boolean[] labels, Map<String, String[]> groups) {

    /**
     * Extracts the audit's columns.
     *
     * @param source a name for messages, usually the file name
     * @throws IllegalArgumentException naming the missing columns, or the row and column of an unreadable cell
     */
    static AuditInput from(CsvTable table, String source, String scoreColumn, String labelColumn,
            List<String> groupColumns) {
        List<String> wanted = new ArrayList<>(List.of(scoreColumn, labelColumn));
        wanted.addAll(groupColumns);
        List<String> missing = wanted.stream().filter(c -> table.column(c) < 0).distinct().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": no column " + String.join(", ",
                    missing.stream().map(c -> "'" + c + "'" + Spelling.didYouMean(c, table.header())).toList())
                    + "; the columns are " + String.join(", ", table.header()));
        }
        if (groupColumns.stream().distinct().count() != groupColumns.size()) {
            throw new IllegalArgumentException("a group column is given twice: " + groupColumns);
        }
        int scoreAt = table.column(scoreColumn);
        int labelAt = table.column(labelColumn);
        int n = table.rows().size();
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        Map<String, String[]> groups = new LinkedHashMap<>();
        groupColumns.forEach(c -> groups.put(c, new String[n]));
        for (int r = 0; r < n; r++) {
            String[] row = table.rows().get(r);
            scores[r] = score(row[scoreAt], source, r + 1, scoreColumn);
            labels[r] = label(row[labelAt], source, r + 1, labelColumn);
            for (String c : groupColumns) {
                groups.get(c)[r] = row[table.column(c)];
            }
        }
        return new AuditInput(scores, labels, groups);
    }

    private static double score(String cell, String source, int row, String column) {
        String t = cell.trim();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the row and column
        }
        throw new IllegalArgumentException(source + ": row " + row + ", column '" + column + "': '" + t
                + "' is not a finite number");
    }

    private static boolean label(String cell, String source, int row, String column) {
        String t = cell.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new IllegalArgumentException(source + ": row " + row + ", column '" + column + "': '"
                    + cell.trim() + "' is not a label (expected 1/0, true/false or yes/no)");
        };
    }
}
