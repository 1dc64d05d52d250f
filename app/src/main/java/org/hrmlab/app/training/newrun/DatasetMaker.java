package org.hrmlab.app.training.newrun;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.hrmlab.app.cli.DatasetCommand;
import org.hrmlab.puzzles.PuzzleKind;
import picocli.CommandLine;

/**
 * Makes a recipe's dataset by running its {@code hrmlab dataset} commands in this process with the command line's own
 * classes, so the wizard's data is exactly what the commands it shows make. Blocks: call it off the FX thread.
 */
final class DatasetMaker {
    private DatasetMaker() {
    }

    /**
     * @param progress told each command, as one would type it, before it runs
     * @return the notes the commands wrote on stderr, such as how many test puzzles were dropped
     * @throws IOException one line: the command and what it said went wrong
     * @throws IllegalArgumentException one line: a recipe out of range, or more ARC tasks than fit
     */
    static List<String> make(DatasetRecipe recipe, Path runFolder, Consumer<String> progress) throws IOException {
        recipe.check();
        if (recipe.kind() == PuzzleKind.ARC) {
            BundledArcTasks.write(runFolder.resolve("puzzles").resolve("arc"), recipe.size(), recipe.train(),
                    recipe.test(), DatasetRecipe.TRAIN_SEED);
        }
        List<String> notes = new ArrayList<>();
        for (List<String> args : recipe.commands(runFolder)) {
            progress.accept(commandLine(args));
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new DatasetCommand())
                    .setOut(new PrintWriter(new StringWriter()))
                    .setErr(new PrintWriter(err));
            int code = cli.execute(args.subList(1, args.size()).toArray(String[]::new));
            List<String> said = err.toString().lines().filter(l -> !l.isBlank()).toList();
            if (code != 0) {
                throw new IOException("hrmlab " + args.get(0) + " " + args.get(1) + ": "
                        + (said.isEmpty() ? "ended with exit status " + code : said.get(0)));
            }
            notes.addAll(said);
        }
        return notes;
    }

    /** @return {@code hrmlab} and the arguments, quoted where a shell needs it */
    static String commandLine(List<String> args) {
        return "hrmlab " + args.stream().map(a -> a.matches("[\\w./:=+-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
