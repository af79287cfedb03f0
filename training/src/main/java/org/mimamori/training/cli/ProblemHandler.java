package org.mimamori.training.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

import org.mimamori.model.bundle.InvalidBundleException;
import org.mimamori.model.data.InvalidCaseException;
import org.mimamori.model.schema.InvalidSchemaException;
import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How every command reports a problem: {@code <command>: <what is wrong>} on standard error, further lines
 * indented, no stack trace (unless {@value #DEBUG} is given), and an {@link ExitCode} that says what kind of
 * problem it was.
 */
final class ProblemHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** The option that keeps stack traces. */
    static final String DEBUG = "--debug";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(cli.getCommandName() + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for the options.");
        if (java.util.Arrays.asList(args).contains(DEBUG)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        int code = exitCode(ex);
        String message = message(ex, code);
        err.println(cli.getCommandName() + ": " + message.strip());
        if (parsed.originalArgs().contains(DEBUG)) {
            ex.printStackTrace(err);
        } else if (code == ExitCode.UNEXPECTED) {
            err.println("  (run again with " + DEBUG + " to see where it happened)");
        }
        err.flush();
        return code;
    }

    /** The kind of problem an exception stands for. */
    static int exitCode(Throwable ex) {
        if (ex instanceof CommandProblem p) {
            return p.exitCode();
        }
        if (ex instanceof InvalidSchemaException) {
            return ExitCode.SCHEMA;
        }
        if (ex instanceof InvalidCaseException || ex instanceof InvalidBundleException
                || ex instanceof IllegalArgumentException) {
            return ExitCode.DATA;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof SQLException) {
            return ExitCode.IO;
        }
        return ExitCode.UNEXPECTED;
    }

    private static String message(Throwable ex, int code) {
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (cause instanceof NoSuchFileException f) {
            return "cannot read " + f.getFile() + ": no such file";
        }
        if (cause instanceof AccessDeniedException f) {
            return "cannot use " + f.getFile() + ": permission denied";
        }
        if (cause instanceof FileSystemException f) {
            return "cannot use " + f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName()
                    : f.getReason());
        }
        if (code == ExitCode.UNEXPECTED) {
            return "unexpected error: " + ex;
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
