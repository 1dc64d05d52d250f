package org.hrmlab.app.training.newrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.Test;

class DatasetRecipeTest {
    private static final Path RUN = Path.of("runs", "r");

    @Test
    void generatedPuzzlesAreTheGenerateAndBuildCommandsOfTheCommandLine() {
        var recipe = new DatasetRecipe(PuzzleKind.SUDOKU, 4, "easy", 30, 10, 8);
        List<String> lines = recipe.commands(RUN).stream().map(DatasetMaker::commandLine).toList();
        String puzzles = RUN.resolve("puzzles").toString();
        assertEquals(List.of(
                "hrmlab dataset generate --kind sudoku --size 4 --difficulty easy --count 30 --seed 1 --out "
                        + puzzles + "/train.csv",
                "hrmlab dataset generate --kind sudoku --size 4 --difficulty easy --count 10 --seed 2 --out "
                        + puzzles + "/test.csv",
                "hrmlab dataset build --kind sudoku --from " + puzzles + " --aug 8 --disjoint --out "
                        + RUN.resolve("data")), lines);
    }

    @Test
    void arcBuildsTheBundledTasksOnTheCanvas() {
        var recipe = new DatasetRecipe(PuzzleKind.ARC, 5, "", 4, 2, 3);
        assertEquals(List.of(List.of("dataset", "build", "--kind", "arc", "--from",
                RUN.resolve("puzzles/arc").toString(), "--canvas", "5", "--aug", "3", "--seed", "42", "--out",
                RUN.resolve("data").toString())), recipe.commands(RUN));
        assertEquals("arc-5x5", recipe.name());
    }

    @Test
    void choicesOutOfRangeAreOneLineEach() {
        assertEquals("Sudoku size 5: choose 4, 6, 9", problem(new DatasetRecipe(PuzzleKind.SUDOKU, 5, "easy", 1, 1, 0)));
        assertEquals("Maze size 40: choose 3..30", problem(new DatasetRecipe(PuzzleKind.MAZE, 40, "hard", 1, 1, 0)));
        assertEquals("difficulty 'brutal' is not one of easy, medium, hard, any",
                problem(new DatasetRecipe(PuzzleKind.MAZE, 5, "brutal", 1, 1, 0)));
        assertEquals("need at least one training and one test task",
                problem(new DatasetRecipe(PuzzleKind.ARC, 4, "", 3, 0, 1)));
    }

    @Test
    void aPathWithSpacesIsQuotedAsAShellNeedsIt() {
        assertEquals("hrmlab dataset build --out '/tmp/my runs/x'",
                DatasetMaker.commandLine(List.of("dataset", "build", "--out", "/tmp/my runs/x")));
    }

    private static String problem(DatasetRecipe recipe) {
        return assertThrows(IllegalArgumentException.class, recipe::check).getMessage();
    }
}
