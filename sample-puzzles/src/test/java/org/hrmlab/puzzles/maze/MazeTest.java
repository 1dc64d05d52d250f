package org.hrmlab.puzzles.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MazeTest {
    private static final String SMALL = """
            #######
            #S    #
            # ### #
            #   # #
            ### # #
            #    G#
            #######
            """;

    @TempDir
    Path dir;

    @Test
    void solvesTheShortestPathAndCountsAlternatives() throws Exception {
        MazePuzzle m = MazeLoader.parseText(SMALL, "small", "small.txt");
        MazeSolver.Solution s = MazeSolver.solve(m.maze());
        assertEquals(8, s.length());
        assertEquals(2, s.pathCount());
        assertEquals(7, s.solved().count(MazeCell.PATH.code()));
        assertNull(MazeSolver.checkAnswer(m.maze(), m.solution()));
    }

    @Test
    void generatesHardThirtyByThirtyMazesWithUniqueShortestPaths() {
        MazeGenerator gen = new MazeGenerator(30, 30, 1);
        MazeDifficulty hard = MazeDifficulty.preset("hard", 30, 30);
        assertEquals(111, hard.minPathLength());
        for (int i = 0; i < 10; i++) {
            MazePuzzle m = gen.next("m" + i, hard);
            MazeSolver.Solution s = MazeSolver.solve(m.maze());
            assertTrue(s.length() > 110, "length " + s.length());
            assertTrue(s.unique());
            assertEquals(s.solved(), m.solution());
            assertNull(MazeSolver.checkAnswer(m.maze(), m.solution()));
            assertEquals(s.length(), m.rating());
        }
    }

    @Test
    void generatesOtherSizesReproducibly() {
        for (int[] size : new int[][] {{9, 9}, {15, 15}, {8, 13}, {3, 3}}) {
            MazePuzzle a = new MazeGenerator(size[0], size[1], 4).next("a", MazeDifficulty.any());
            MazePuzzle b = new MazeGenerator(size[0], size[1], 4).next("a", MazeDifficulty.any());
            assertEquals(a, b);
            assertEquals(size[0], a.maze().rows());
            assertEquals(size[1], a.maze().cols());
        }
        assertThrows(IllegalArgumentException.class, () -> new MazeGenerator(2, 30, 1));
    }

    @Test
    void rejectsTwoStarts() {
        String two = SMALL.replace("#    G#", "#S   G#");
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class,
                () -> MazeLoader.parseText(two, "m", "two.txt"));
        assertTrue(e.getMessage().contains("two.txt") && e.getMessage().contains("2 start 'S' cells"), e.getMessage());
    }

    @Test
    void rejectsAnUnsolvableMaze() {
        String walled = SMALL.replace("#    G#", "#   #G#").replace("### # #", "### ###");
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class,
                () -> MazeLoader.parseText(walled, "m", "shut.txt"));
        assertTrue(e.getMessage().startsWith("shut.txt: unsolvable maze"), e.getMessage());
    }

    @Test
    void rejectsRaggedRowsUnknownCharactersAndWrongPaths() throws Exception {
        String ragged = SMALL.replace("# ### #", "# ###");
        assertTrue(assertThrows(PuzzleFormatException.class, () -> MazeLoader.parseText(ragged, "m", "r.txt"))
                .getMessage().contains("r.txt: line 3: ragged maze"));
        String odd = SMALL.replace("# ### #", "# #X# #");
        assertTrue(assertThrows(PuzzleFormatException.class, () -> MazeLoader.parseText(odd, "m", "x.txt"))
                .getMessage().contains("line 3, column 4: unknown maze character 'X'"));
        String detour = SMALL.replace("#S    #", "#Soooo#").replace("# ### #", "# ###o#")
                .replace("#   # #", "#o  #o#").replace("### # #", "### #o#");
        assertTrue(assertThrows(PuzzleFormatException.class, () -> MazeLoader.parseText(detour, "m", "d.txt"))
                .getMessage().contains("the marked path has 9 moves, the shortest has 8"));
    }

    @Test
    void readsMazeHardCsvRowsAndChecksAnswers() throws Exception {
        MazePuzzle m = new MazeGenerator(12, 12, 9).next("m", MazeDifficulty.any());
        String q = MazePuzzle.line(m.maze());
        String a = MazePuzzle.line(m.solution());
        Path f = dir.resolve("maze.csv");
        Files.writeString(f, "source,question,answer,rating\ngen," + q + "," + a + "," + m.rating() + "\n");
        List<MazePuzzle> all = MazeLoader.readCsv(f);
        assertEquals(1, all.size());
        assertEquals(m.solution(), all.get(0).solution());
        String wrong = a.replace('o', ' ');
        Files.writeString(f, "source,question,answer,rating\ngen," + q + "," + wrong + ",1\n");
        assertTrue(assertThrows(PuzzleFormatException.class, () -> MazeLoader.readCsv(f)).getMessage()
                .contains("maze.csv: line 2 (row 0): "));
        Grid g = m.maze();
        assertEquals(g, MazeLoader.parseText(m.questionText(), "t", "t.txt").maze());
    }
}
