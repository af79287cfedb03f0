package org.mimamori.api.screening;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mimamori.api.contract.Contract;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.schema.FeatureSchema;

/**
 * Reads a cohort file as it arrives and cuts it into parts of whole rows (at most {@code rowsPerPart} rows, and
 * about {@link ScreeningStore#CHUNK} bytes), each a CSV of its own with the file's header, checked by
 * {@link CohortFile} before it is handed on; so the file is never held whole, only one part at a time. After a bad
 * part nothing more is handed on (the caller's transaction rolls back what was), but the rest of the file is still
 * checked, so that the refusal names the bad cells of every part (rows by their number in the file; at most
 * {@link #MAX_PROBLEMS}, then one problem saying there are more).
 */
final class CohortUpload {

    /** Where checked parts go. */
    interface Parts {
        /**
         * @param partNo   the part's number, from 0
         * @param firstRow its first row's number in the file, from 1
         * @param rows     how many rows it has
         * @param csv      the part: the header line and its rows, UTF-8
         */
        void accept(int partNo, int firstRow, int rows, byte[] csv);
    }

    /** What was read: how many rows and parts, the header line, and the children's references. */
    record Read(int rows, int parts, String header, List<String> refs) {
    }

    /** The most problems one refusal lists (each part lists at most five per column). */
    static final int MAX_PROBLEMS = 200;

    private final FeatureSchema schema;
    private final Contract contract;
    private final int rowsPerPart;
    private final Parts parts;
    private final TextBuffer text = new TextBuffer(ScreeningStore.CHUNK + (1 << 16));
    private final List<String> refs = new ArrayList<>();
    private final List<FieldProblem> problems = new ArrayList<>();
    private boolean moreProblems;
    private String headerLine;
    private List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private int partNo;
    private int firstRow = 1;
    private int inPart;

    private CohortUpload(FeatureSchema schema, Contract contract, int rowsPerPart, Parts parts) {
        this.schema = schema;
        this.contract = contract;
        this.rowsPerPart = rowsPerPart;
        this.parts = parts;
    }

    /**
     * Reads a file from a stream and hands on its parts.
     *
     * @throws InvalidRequestException naming bad columns or cells (of every part), or saying the file is
     *                                 not UTF-8 text, is malformed CSV or has no rows
     */
    static Read read(InputStream in, FeatureSchema schema, Contract contract, int rowsPerPart, Parts parts) {
        CohortUpload u = new CohortUpload(schema, contract, rowsPerPart, parts);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        CohortFile.readingCsv(() -> CsvTable.stream(reader, "file", header -> {
            CohortFile.checkHeader(schema, header);
            TextBuffer h = new TextBuffer(256);
            CsvTable.writeLine(h, header);
            u.headerLine = h.toString();
            u.header = List.copyOf(header);
            u.text.write(u.headerLine);
            return u::row;
        }));
        u.flush();
        if (!u.problems.isEmpty()) {
            if (u.moreProblems) {
                u.problems.add(new FieldProblem("file", "誤りのあるセルは、ここに挙げた " + MAX_PROBLEMS
                        + " 件のほかにもあります", "has more bad cells than the " + MAX_PROBLEMS + " listed here"));
            }
            throw new InvalidRequestException(u.problems);
        }
        if (u.refs.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", "行がありません", "has no rows")));
        }
        return new Read(u.refs.size(), u.partNo, u.headerLine.strip(), u.refs);
    }

    private void row(String[] cells) {
        CsvTable.writeLine(text, Arrays.asList(cells));
        rows.add(cells);
        inPart++;
        if (inPart == rowsPerPart || text.getBuffer().length() >= ScreeningStore.CHUNK - (1 << 12)) {
            flush();
        }
    }

    private void flush() {
        if (inPart == 0) {
            return;
        }
        byte[] csv = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            // checked on the cells as read (the part's bytes are their CSV, read again by the workers)
            CohortFile part = CohortFile.of(schema, new CsvTable(header, List.copyOf(rows)), contract, firstRow);
            if (problems.isEmpty()) {
                refs.addAll(part.refs());
                parts.accept(partNo, firstRow, inPart, csv);
            }
        } catch (InvalidRequestException e) {
            for (FieldProblem p : e.problems()) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(p);
                } else {
                    moreProblems = true;
                }
            }
        }
        partNo++;
        firstRow += inPart;
        inPart = 0;
        rows.clear();
        text.getBuffer().setLength(0);
        text.write(headerLine);
    }
}
