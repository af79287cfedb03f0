package org.mimamori.training.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs the command line in-process with these arguments. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MimamoriTraining.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The last line of standard output, e.g. the path {@code train} prints. */
    public String lastLine() {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** Standard output parsed as one JSON object. */
    public JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    /** The JSON object of one group in {@code audit --json} output. */
    public JsonNode group(String column, String value) {
        for (JsonNode g : json().get("groups")) {
            if (g.get("column").asText().equals(column) && g.get("value").asText().equals(value)) {
                return g;
            }
        }
        throw new AssertionError("no group " + column + "=" + value + " in " + out);
    }
}
