package org.mimamori.api.screening;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.data.InvalidCaseException;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;

/**
 * A cohort CSV in a schema's columns (as {@code synth --cohort} writes), read whole and checked before anything
 * is stored. Each child needs a pseudonymous reference in the schema's reference column.
 *
 * @param cases the children, in file order (row 1 is the first line after the header)
 * @param refs  their references, in the same order
 */
record CohortFile(List<Case> cases, List<String> refs) {

    /** The same rule as {@code childRef} of a score request. */
    private static final Pattern REF = Pattern.compile("^(?=.*[0-9])[A-Za-z0-9_-]{4,64}$");

    /**
     * Reads and checks a file.
     *
     * @throws InvalidRequestException naming unknown columns and every bad cell as {@code file[row].column}
     */
    static CohortFile read(FeatureSchema schema, byte[] bytes) {
        CsvTable table;
        try {
            table = CsvTable.read(new InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8), "file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", e.getMessage())));
        }
        Item ref = schema.referenceItem().orElseThrow(
                () -> new IllegalStateException("schema " + schema.id() + " has no reference item"));
        if (table.column(ref.id()) < 0) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", "has no column '" + ref.id()
                    + "': every child needs its pseudonymous reference")));
        }
        if (table.rows().isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", "has no rows")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        int refColumn = table.column(ref.id());
        List<String> refs = new ArrayList<>(table.rows().size());
        int row = 0;
        for (String[] cells : table.rows()) {
            row++;
            String text = refColumn < cells.length ? cells[refColumn].trim() : "";
            if (!REF.matcher(text).matches() && problems.size() < 50) {
                problems.add(new FieldProblem("file[" + row + "]." + ref.id(), "must be a pseudonymous reference: "
                        + "4 to 64 ASCII letters, digits, '-' or '_', with at least one digit"));
            }
            refs.add(text);
        }
        CaseCsv.Read read = null;
        try {
            read = CaseCsv.read(schema, table);
        } catch (InvalidCaseException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem(
                    p.row() > 0 ? "file[" + p.row() + "]." + p.field() : "file.columns." + p.field(), p.message())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new CohortFile(read.cases(), refs);
    }
}
