package org.hrmlab.puzzles.sudoku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SudokuLoaderTest {
    private static final String Q = "........8..3...4...9..2..6.....79.......612...6.5.2.7...8...5...1.....2.4.5.....3";
    private static final String A = "621943758783615492594728361142879635357461289869532174238197546916354827475286913";

    @TempDir
    Path dir;

    @Test
    void loadsEveryRealCsvWithCheckedAnswers() throws Exception {
        assertCsv(TestData.SUDOKU, "forum_hardest_1106.csv", 375);
        assertCsv(TestData.SUDOKU, "magictour_top1465.csv", 1465);
        assertCsv(TestData.SUDOKU, "forum_hardest_1905_11plus.csv", 1000);
    }

    @Test
    void loadsTheFull11PlusSetWhenPresent() throws Exception {
        Path full = TestData.fullData().orElse(null);
        assumeTrue(full != null, "the full Sudoku sets are not beside the repository (-Dhrmlab.shared)");
        assertCsv(full.resolve("sudoku"), "forum_hardest_1905_11plus.csv", 48_766);
    }

    private static void assertCsv(Path sudoku, String name, int count) throws Exception {
        List<SudokuPuzzle> all = SudokuLoader.readCsv(sudoku.resolve(name));
        assertEquals(count, all.size(), name);
        for (SudokuPuzzle p : all) {
            assertNull(SudokuRules.checkAnswer(p.shape(), p.givens(), p.solution()), p.name());
        }
    }

    @Test
    void rawFilesMatchTheirCsv() throws Exception {
        List<SudokuPuzzle> raw = SudokuLoader.readLines(TestData.SUDOKU.resolve("raw/puzzles6_forum_hardest_1106"));
        List<SudokuPuzzle> csv = SudokuLoader.readCsv(TestData.SUDOKU.resolve("forum_hardest_1106.csv"));
        assertEquals(csv.size(), raw.size());
        for (int i = 0; i < raw.size(); i++) {
            assertEquals(csv.get(i).givens(), raw.get(i).givens());
        }
        assertEquals(1465, SudokuLoader.readLines(TestData.SUDOKU.resolve("raw/puzzles3_magictour_top1465")).size());
    }

    @Test
    void acceptsZeroBlanksAndSmallSizes() throws Exception {
        assertEquals(SudokuLoader.parseQuestion(Q, "x", "line 1"),
                SudokuLoader.parseQuestion(Q.replace('.', '0'), "x", "line 1"));
        assertEquals(4, SudokuLoader.parseQuestion("12..34..........", "x", "line 1").rows());
        assertEquals(6, SudokuLoader.parseQuestion("1".repeat(1) + ".".repeat(35), "x", "line 1").rows());
    }

    @Test
    void rejectsAnEightyCharacterLineNamingFileAndLine() throws Exception {
        Path f = dir.resolve("short.txt");
        Files.writeString(f, "# comment\n" + Q.substring(1) + "\n");
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class, () -> SudokuLoader.readLines(f));
        assertTrue(e.getMessage().contains("short.txt: line 2:") && e.getMessage().contains("got 80"),
                e.getMessage());
    }

    @Test
    void rejectsAnAnswerThatBreaksARule() throws Exception {
        String bad = "6" + A.substring(1, 80) + "6";
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "source,question,answer,rating\nx," + Q + "," + A + ",1\nx," + Q + "," + bad + ",2\n");
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class, () -> SudokuLoader.readCsv(f));
        assertTrue(e.getMessage().contains("bad.csv: line 3 (row 1): answer breaks a rule"), e.getMessage());
        assertEquals(A, SudokuLoader.readCsvRow(f, 0).answerLine());
    }

    @Test
    void rejectsAnAnswerThatChangesAGiven() throws Exception {
        String swapped = A.substring(0, 8) + "1" + A.substring(9);
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class,
                () -> SudokuLoader.parsePair("p", Q, swapped, -1, "f.csv", "line 2"));
        assertTrue(e.getMessage().startsWith("f.csv: line 2: answer"), e.getMessage());
    }

    @Test
    void rejectsClashingGivensBadCharactersAndBadHeaders() throws Exception {
        String clash = "11" + Q.substring(2);
        assertTrue(assertThrows(PuzzleFormatException.class, () -> SudokuLoader.parseQuestion(clash, "f", "line 1"))
                .getMessage().contains("repeats"));
        assertTrue(assertThrows(PuzzleFormatException.class,
                () -> SudokuLoader.parseQuestion("x" + Q.substring(1), "f", "line 1")).getMessage()
                .contains("character 1 is 'x'"));
        Path f = dir.resolve("h.csv");
        Files.writeString(f, "a,b\n");
        assertTrue(assertThrows(PuzzleFormatException.class, () -> SudokuLoader.readCsv(f)).getMessage()
                .contains("h.csv: line 1: expected the header"));
        Files.writeString(f, "source,question,answer,rating\nx," + Q + "\n");
        assertTrue(assertThrows(PuzzleFormatException.class, () -> SudokuLoader.readCsv(f)).getMessage()
                .contains("expected 4 comma-separated columns"));
    }

    @Test
    void selectsARowAndReportsAMissingOne() throws Exception {
        Path csv = TestData.SUDOKU.resolve("magictour_top1465.csv");
        assertEquals(1464 + 0, Integer.parseInt(SudokuLoader.readCsvRow(csv, 1464).name().split("#")[1]));
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class, () -> SudokuLoader.readCsvRow(csv, 1465));
        assertTrue(e.getMessage().contains("#1465: no such row (the file has 1465 rows)"), e.getMessage());
    }
}
