package org.hrmlab.puzzles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.puzzles.arc.ArcLoader;
import org.hrmlab.puzzles.codec.TokenCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PuzzleSourcesTest {
    @TempDir
    Path dir;

    @Test
    void parsesSpecs() {
        assertEquals(new PuzzleSpec("a/b.json", false, 2), PuzzleSpec.parse("a/b.json#2"));
        assertEquals(new PuzzleSpec("x.csv", false, -1), PuzzleSpec.parse("x.csv"));
        assertEquals(new PuzzleSpec("sudoku/9x9-hard", true, 3), PuzzleSpec.parse("bundled:sudoku/9x9-hard#3"));
        assertEquals(new PuzzleSpec("odd#name", false, -1), PuzzleSpec.parse("odd#name"));
    }

    @Test
    void detectsEveryFormatAndSelectsByIndex() throws Exception {
        Puzzle arc = PuzzleSources.open(TestData.DATA.resolve("arc-agi-2/evaluation/7666fa5d.json") + "#0");
        assertInstanceOf(ArcPuzzle.class, arc);
        assertTrue(arc.answer().isPresent());
        SudokuPuzzle row = (SudokuPuzzle) PuzzleSources.open(TestData.SUDOKU.resolve("magictour_top1465.csv") + "#7");
        assertTrue(row.name().endsWith("#7"));
        assertTrue(row.solution() != null);
        SudokuPuzzle raw = (SudokuPuzzle) PuzzleSources.open(TestData.SUDOKU
                .resolve("raw/puzzles3_magictour_top1465") + "#7");
        assertEquals(row.givens(), raw.givens());
        assertEquals(row.solution(), raw.solution(), "a unique solution is computed for raw lines");
        Path maze = dir.resolve("m.txt");
        Files.writeString(maze, "#####\n#S G#\n#####\n");
        MazePuzzle m = (MazePuzzle) PuzzleSources.open(maze.toString());
        assertEquals(1, m.solution().count(MazeCell.PATH.code()));
        Path line = dir.resolve("one.txt");
        Files.writeString(line, "12..34..........\n");
        assertEquals(SudokuShape.FOUR, ((SudokuPuzzle) PuzzleSources.open(line.toString())).shape());
    }

    @Test
    void reportsMissingFilesAndIndicesInOneLine() {
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class, () -> PuzzleSources.open("nope.json"));
        assertEquals("nope.json: no such file", e.getMessage());
        String task = TestData.DATA.resolve("arc-agi-1/training/007bbfb7.json").toString();
        PuzzleFormatException i = assertThrows(PuzzleFormatException.class, () -> PuzzleSources.open(task + "#4"));
        assertTrue(i.getMessage().endsWith("007bbfb7.json: #4: the task has 1 test inputs"), i.getMessage());
    }

    @Test
    void aBundledSetsTextIsTheFileItsPuzzlesAreReadFrom(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("0d3d703e.json");
        Files.writeString(copy, BundledPuzzles.text("arc/0d3d703e"));
        assertEquals(((ArcPuzzle) BundledPuzzles.open("arc/0d3d703e", 0)).task().train(),
                ArcLoader.read(copy).train());
    }

    @Test
    void everyBundledSetOpensWithVerifiedAnswers() throws Exception {
        assertTrue(BundledPuzzles.list().size() >= 20);
        for (BundledPuzzles.Entry e : BundledPuzzles.list()) {
            var all = BundledPuzzles.openAll(e.name());
            assertEquals(e.count(), all.size(), e.name());
            for (Puzzle p : all) {
                assertEquals(e.kind(), p.kind(), e.name());
                assertTrue(p.answer().isPresent(), e.name());
                TokenCodec c = TokenCodec.forPuzzle(p);
                assertEquals(p.answer().orElseThrow(), c.decode(c.encodeLabels(p)).orElseThrow());
            }
        }
        Puzzle hard = PuzzleSources.open("bundled:maze/30x30-hard#9");
        assertTrue(((MazePuzzle) hard).rating() > 110);
        assertThrows(PuzzleFormatException.class, () -> PuzzleSources.open("bundled:sudoku/none"));
        assertThrows(PuzzleFormatException.class, () -> PuzzleSources.open("bundled:sudoku/9x9-easy#10"));
    }
}
