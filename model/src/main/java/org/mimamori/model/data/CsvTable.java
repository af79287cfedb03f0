package org.mimamori.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;

/**
 * A CSV file as text: a header and rows of cells (RFC 4180: comma-separated, double quotes around cells
 * that hold commas, quotes or line breaks, UTF-8, an optional byte-order mark). Small and dependency-free
 * because training, scoring and audits all read CSV.
 *
 * @param header the column names
 * @param rows   the data rows, each as long as the header
 */
public record CsvTable(List<String> header, List<String[]> rows) {

    /** Reads a CSV file. */
    public static CsvTable read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        }
    }

    /**
     * Reads CSV text.
     *
     * @throws InvalidValueException when a row's cell count differs from the header's, naming the row
     */
    public static CsvTable read(Reader in, String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> header = stream(in, name, h -> rows::add);
        return new CsvTable(header, rows);
    }

    /**
     * Reads CSV text row by row without keeping it: the header goes to {@code rowsFor}, and each data row's cells to
     * the consumer it returns, as they are read, so a large file needs memory for one row at a time.
     *
     * @return the header
     * @throws InvalidValueException when a row's cell count differs from the header's, naming the row
     */
    public static List<String> stream(Reader in, String name, Function<List<String>, Consumer<String[]>> rowsFor)
            throws IOException {
        Consumer<String[]> rows = null;
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        List<String> header = null;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 0;
        String text;
        while ((text = r.readLine()) != null) {
            line++;
            if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            int startLine = line;
            boolean quoted = false;
            cells.clear();
            cell.setLength(0);
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (!quoted) {
                        break;
                    }
                    String more = r.readLine();
                    if (more == null) {
                        throw new InvalidValueException(new LocalizedText(name + "：" + startLine
                                + " 行目の引用符で囲まれたセルが閉じていません", name + ": line " + startLine
                                + ": unterminated quoted cell"));
                    }
                    line++;
                    cell.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c != '\r') {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            if (header == null) {
                header = List.copyOf(cells.stream().map(String::trim).toList());
                rows = rowsFor.apply(header);
                continue;
            }
            if (cells.size() == 1 && cells.get(0).isEmpty()) {
                continue;
            }
            if (cells.size() != header.size()) {
                throw new InvalidValueException(new LocalizedText(name + "：" + startLine + " 行目のセルは "
                        + cells.size() + " 個ですが、見出し行は " + header.size() + " 個です", name + ": line "
                        + startLine + " has " + cells.size() + " cells, the header has " + header.size()));
            }
            rows.accept(cells.toArray(new String[0]));
        }
        if (header == null) {
            throw new InvalidValueException(new LocalizedText(name + "：ファイルが空です（見出し行がありません）",
                    name + ": the file is empty (no header line)"));
        }
        return header;
    }

    /** The position of a column, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** Writes one CSV line, quoting cells that need it. */
    public static void writeLine(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(cells.get(i)));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as CSV text. */
    public static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
