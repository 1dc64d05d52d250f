package org.hrmlab.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hrmlab} command line: one sub-command per headless task (see docs/cli.md). */
@Command(name = "hrmlab", mixinStandardHelpOptions = true, version = "HRM Lab 0.1.0",
        description = "A visual lab for the Hierarchical Reasoning Model; with no command it opens the desktop app.",
        subcommands = {AnalyzeCommand.class})
public final class HrmLabCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }

    /** Runs the command line and returns the process exit status. */
    public static int run(String... args) {
        return new CommandLine(new HrmLabCommand()).execute(args);
    }
}
