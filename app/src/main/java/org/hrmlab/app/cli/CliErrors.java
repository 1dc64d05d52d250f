package org.hrmlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.train.DatasetException;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.io.NpyFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Maps failures to the CLI contract: exit 2 with one line for bad input, exit 1 with a hint for internal errors. */
final class CliErrors implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (isBadInput(e)) {
            err.println("hrmlab " + cmd.getCommandName() + ": " + oneLine(e.getMessage()));
            err.flush();
            return BAD_INPUT;
        }
        err.println("hrmlab " + cmd.getCommandName() + ": internal error: " + oneLine(String.valueOf(e))
                + " (set HRMLAB_DEBUG=1 for the stack trace)");
        if (System.getenv("HRMLAB_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }

    static boolean isBadInput(Throwable e) {
        return e instanceof BadInputException || e instanceof CheckpointException || e instanceof NpyFormatException
                || e instanceof NoSuchFileException || e instanceof PuzzleFormatException
                || e instanceof DatasetException || e instanceof org.hrmlab.engine.analysis.TraceFormatException
                || e instanceof org.hrmlab.engine.compute.DeviceUnavailableException;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.lines().findFirst().orElse("").trim();
    }

    static BadInputException missing(IOException e) {
        return new BadInputException(e.getMessage());
    }
}
