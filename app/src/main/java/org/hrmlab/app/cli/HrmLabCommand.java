package org.hrmlab.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hrmlab} command line: one sub-command per headless task (see README.md). */
@Command(name = "hrmlab", mixinStandardHelpOptions = true, version = "HRM Lab " + HrmLabCommand.VERSION,
        description = "A visual lab for the Hierarchical Reasoning Model; with no command it opens the desktop app.",
        subcommands = {TraceCommand.class, AnimateCommand.class, SolveCommand.class, EvalCommand.class,
                AnalyzeCommand.class, CompareCommand.class, TrainCommand.class, DatasetCommand.class,
                ImportCommand.class, ModelsCommand.class, BenchCommand.class})
public final class HrmLabCommand implements Runnable {
    /** The program version recorded in manifests. */
    public static final String VERSION = "0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** @return a configured command line (tests use it with their own writers) */
    public static CommandLine commandLine() {
        AnalyzeCommand.setTraceSource(new org.hrmlab.app.analysis.EngineTraceSource());
        return new CommandLine(new HrmLabCommand()).setExecutionExceptionHandler(new CliErrors())
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine cmd = e.getCommandLine();
                    cmd.getErr().println("hrmlab " + cmd.getCommandName() + ": " + CliErrors.oneLine(e.getMessage())
                            + " (see --help)");
                    cmd.getErr().flush();
                    return CliErrors.BAD_INPUT;
                });
    }

    /**
     * @param spec a running sub-command's spec
     * @return the command as typed, for a manifest: {@code hrmlab} and every argument, the sub-command's name included
     */
    static java.util.List<String> typed(CommandLine.Model.CommandSpec spec) {
        java.util.List<String> args = new java.util.ArrayList<>();
        args.add("hrmlab");
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return args;
    }

    /** Runs the command line and returns the process exit status. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
