package org.mimamori.api.screening;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.mimamori.api.contract.Contract;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.data.InvalidCaseException;
import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.schema.Role;

/**
 * A cohort CSV in a schema's columns (as {@code synth --cohort} writes), or one stored part of it, read and
 * checked before anything of it is stored: UTF-8 text; only the reference column and items that may be sent for scoring (no unknown columns,
 * no training label, analysis-only or derived items); each child's reference by the contract's rule for
 * {@code childRef}; every cell by its item.
 *
 * @param cases the children, in file order (row 1 is the first line after the header)
 * @param refs  their references, in the same order
 * @param rows  their cells, in the same order
 */
record CohortFile(List<Case> cases, List<String> refs, List<String[]> rows) {

    /** Reading CSV text that may fail. */
    interface CsvRead<T> {
        T read() throws IOException;
    }

    /**
     * Reads CSV text, turning what makes a file unreadable (not UTF-8, malformed CSV) into a problem of
     * {@code file}; the one place both the upload and a stored part say so.
     */
    static <T> T readingCsv(CsvRead<T> read) {
        try {
            return read.read();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", "UTF-8 のテキストではありません",
                    "is not UTF-8 text")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // CsvTable (org.mimamori.model.data) says what is wrong in both languages
            throw new InvalidRequestException(List.of(new FieldProblem("file", e instanceof InvalidValueException v
                    ? v.text() : new LocalizedText("CSV として読めませんでした：" + e.getMessage(), e.getMessage()))));
        }
    }

    /**
     * Reads and checks a whole file (its rows numbered from 1).
     *
     * @throws InvalidRequestException naming unknown columns and every bad cell as {@code file[row].column}
     */
    static CohortFile read(FeatureSchema schema, byte[] bytes, Contract contract) {
        return read(schema, bytes, contract, 1);
    }

    /**
     * Reads and checks a part of a file: a header line and whole rows, the first of which is row {@code firstRow}
     * of the file (problems name rows by their number in the whole file). With no {@code contract} the
     * references are not checked again (a stored part, checked when it was uploaded).
     *
     * @throws InvalidRequestException naming unknown columns and every bad cell as {@code file[row].column}
     */
    static CohortFile read(FeatureSchema schema, byte[] bytes, Contract contract, int firstRow) {
        CsvTable table = readingCsv(() -> CsvTable.read(new StringReader(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString()), "file"));
        return of(schema, table, contract, firstRow);
    }

    /**
     * Checks a part of a file already read as CSV (the upload's parts: read once, as the file arrives), its first
     * row being row {@code firstRow} of the file; as {@link #read(FeatureSchema, byte[], Contract, int)}.
     *
     * @throws InvalidRequestException naming unknown columns and every bad cell as {@code file[row].column}
     */
    static CohortFile of(FeatureSchema schema, CsvTable table, Contract contract, int firstRow) {
        int refColumn = checkHeader(schema, table.header());
        if (table.rows().isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", "行がありません", "has no rows")));
        }
        Item ref = schema.referenceItem().orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        List<String> refs = new ArrayList<>(table.rows().size());
        int row = firstRow - 1;
        for (String[] cells : table.rows()) {
            row++;
            String text = refColumn < cells.length ? cells[refColumn].trim() : "";
            if (contract != null && problems.size() < 50) {
                problems.addAll(contract.check("ScoreRequest", "childRef", "file[" + row + "]." + ref.id(), text));
            }
            refs.add(text);
        }
        CaseCsv.Read read = null;
        try {
            read = CaseCsv.read(schema, table);
        } catch (InvalidCaseException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem(p.row() > 0
                    ? "file[" + (firstRow - 1 + p.row()) + "]." + p.field() : "file.columns." + p.field(),
                    p.text())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new CohortFile(read.cases(), refs, table.rows());
    }

    /**
     * Checks a file's header: it has the reference column, and no column of an item that may not be sent for
     * scoring nor of no item at all.
     *
     * @return the position of the reference column
     * @throws InvalidRequestException naming the columns
     */
    static int checkHeader(FeatureSchema schema, List<String> header) {
        Item ref = schema.referenceItem().orElseThrow(
                () -> new IllegalStateException("schema " + schema.id() + " has no reference item"));
        if (!header.contains(ref.id())) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", "列 '" + ref.id()
                    + "' がありません：子どもごとに仮名の参照番号が必要です", "has no column '" + ref.id()
                    + "': every child needs its pseudonymous reference")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String column : header) {
            schema.item(column).filter(i -> i.role() != Role.REFERENCE_ID && i.whyNotSentForScoring() != null)
                    .ifPresent(i -> problems.add(new FieldProblem("file.columns." + column,
                            i.whyNotSentForScoring())));
        }
        if (problems.isEmpty()) {
            try {
                CaseCsv.read(schema, new CsvTable(header, List.of()));
            } catch (InvalidCaseException e) {
                e.problems().forEach(p -> problems.add(new FieldProblem("file.columns." + p.field(), p.text())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return header.indexOf(ref.id());
    }
}
