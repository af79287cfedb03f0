package org.mimamori.training.audit;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.training.cli.MimamoriTraining;
import picocli.CommandLine;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record AuditRun(int exitCode, String out, String err) {

    static AuditRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MimamoriTraining.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new AuditRun(code, out.toString(), err.toString());
    }

    /** Standard output parsed as one JSON object. */
    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    /** The JSON object of one group. */
    JsonNode group(String column, String value) {
        for (JsonNode g : json().get("groups")) {
            if (g.get("column").asText().equals(column) && g.get("value").asText().equals(value)) {
                return g;
            }
        }
        throw new AssertionError("no group " + column + "=" + value + " in " + out);
    }
}
