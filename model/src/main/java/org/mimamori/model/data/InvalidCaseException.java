package org.mimamori.model.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that cannot become a case (or a file of cases); carries the problems found, each naming its field. For
 * a file, {@link #problems()} holds the first few examples per column and {@link #rowsByField()} how many rows
 * each column had a problem in; the message summarises them per column, one line each.
 */
public final class InvalidCaseException extends RuntimeException {

    /** How many example rows per column the message shows. */
    public static final int EXAMPLES_SHOWN = 3;

    private final transient List<CaseProblem> problems;
    private final transient Map<String, Integer> rowsByField;

    /** Creates the exception from a non-empty list of problems (every problem counted once). */
    public InvalidCaseException(List<CaseProblem> problems) {
        this(null, problems, counts(problems));
    }

    /**
     * Creates the exception for a file.
     *
     * @param source      the file name (or null), shown at the start of the message
     * @param examples    the first problems of each field, in the order found
     * @param rowsByField how many problems each field had in all (at least its examples)
     */
    public InvalidCaseException(String source, List<CaseProblem> examples, Map<String, Integer> rowsByField) {
        super(message(source, examples, rowsByField));
        this.problems = List.copyOf(examples);
        this.rowsByField = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsByField));
    }

    /** The problems found (for a file: the first few of each column). */
    public List<CaseProblem> problems() {
        return problems;
    }

    /** How many problems each field had, in the order first found. */
    public Map<String, Integer> rowsByField() {
        return rowsByField;
    }

    private static Map<String, Integer> counts(List<CaseProblem> problems) {
        Map<String, Integer> out = new LinkedHashMap<>();
        problems.forEach(p -> out.merge(p.field(), 1, Integer::sum));
        return out;
    }

    private static String message(String source, List<CaseProblem> examples, Map<String, Integer> rowsByField) {
        int total = rowsByField.values().stream().mapToInt(Integer::intValue).sum();
        boolean inRows = examples.stream().anyMatch(p -> p.row() > 0);
        List<String> lines = new ArrayList<>();
        int fields = rowsByField.size();
        lines.add((source == null ? "" : source + ": ") + total + (inRows ? " invalid value" : " problem")
                + (total == 1 ? "" : "s") + (inRows ? " in " + fields + (fields == 1 ? " column" : " columns") : ""));
        for (Map.Entry<String, Integer> f : rowsByField.entrySet()) {
            List<CaseProblem> of = examples.stream().filter(p -> p.field().equals(f.getKey())).toList();
            String shown = of.stream().limit(EXAMPLES_SHOWN)
                    .map(p -> (p.row() > 0 ? "row " + p.row() + ": " : "") + p.message())
                    .collect(Collectors.joining("; "));
            int n = f.getValue();
            String count = n == 1 || !inRows ? "" : n + " rows, e.g. ";
            String more = !inRows && n > of.size() ? "; and " + (n - of.size()) + " more" : "";
            lines.add("  " + f.getKey() + ": " + count + shown + more);
        }
        return String.join("\n", lines);
    }
}
