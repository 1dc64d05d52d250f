package org.hrmlab.puzzles.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hrmlab.puzzles.ArcPair;
import org.hrmlab.puzzles.ArcTask;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.TestData;
import org.hrmlab.puzzles.arc.ArcLoader;
import org.hrmlab.puzzles.maze.MazeDifficulty;
import org.hrmlab.puzzles.maze.MazeGenerator;
import org.hrmlab.puzzles.sudoku.SudokuDifficulty;
import org.hrmlab.puzzles.sudoku.SudokuGenerator;
import org.junit.jupiter.api.Test;

class CodecTest {
    @Test
    void aGridAloneFindsTheCodecOfItsPuzzle() throws Exception {
        for (SudokuShape shape : new SudokuShape[] {SudokuShape.FOUR, SudokuShape.SIX, SudokuShape.NINE}) {
            SudokuPuzzle p = new SudokuGenerator(shape, 2).next("p", SudokuDifficulty.preset("easy", shape));
            TokenCodec c = TokenCodec.forGrid(PuzzleKind.SUDOKU, shape.size(), shape.size(), 0);
            assertEquals(TokenCodec.forPuzzle(p), c);
            assertArrayEquals(c.encodeInput(p), c.encode(p.givens()));
        }
        MazePuzzle m = new MazeGenerator(9, 9, 3).next("m", MazeDifficulty.any());
        TokenCodec mc = TokenCodec.forGrid(PuzzleKind.MAZE, 9, 9, 0);
        assertArrayEquals(TokenCodec.forPuzzle(m).encodeInput(m), mc.encode(m.maze()));
        assertEquals(m.maze(), mc.decode(mc.encode(m.maze())).orElseThrow());
        Grid arc = Grid.of(new int[][] {{1, 2}, {3, 4}});
        TokenCodec ac = TokenCodec.forGrid(PuzzleKind.ARC, 2, 2, 16);
        assertEquals(16, ac.seqLen());
        assertEquals(arc, ac.decode(ac.encode(arc)).orElseThrow());
        assertSame(ArcCodec.INSTANCE, TokenCodec.forGrid(PuzzleKind.ARC, 2, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> TokenCodec.forGrid(PuzzleKind.SUDOKU, 4, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> TokenCodec.forGrid(PuzzleKind.ARC, 2, 2, 15));
    }

    @Test
    void sudokuTokensAreDigitPlusOneWithBlankOne() {
        for (SudokuShape shape : new SudokuShape[] {SudokuShape.FOUR, SudokuShape.SIX, SudokuShape.NINE}) {
            SudokuPuzzle p = new SudokuGenerator(shape, 1).next("p", SudokuDifficulty.preset("medium", shape));
            TokenCodec c = TokenCodec.forPuzzle(p);
            assertEquals(shape.cells(), c.seqLen());
            assertEquals(shape.size() + 2, c.vocabSize());
            int[] in = c.encodeInput(p);
            int[] lab = c.encodeLabels(p);
            for (int i = 0; i < in.length; i++) {
                assertEquals(p.givens().at(i) == 0 ? 1 : p.givens().at(i) + 1, in[i]);
                assertEquals(p.solution().at(i) + 1, lab[i]);
            }
            assertEquals(p.givens(), c.decode(in).orElseThrow());
            assertEquals(p.solution(), c.decode(lab).orElseThrow());
        }
    }

    @Test
    void mazeTokensFollowTheCharacterSet() {
        MazePuzzle m = new MazeGenerator(30, 30, 2).next("m", MazeDifficulty.any());
        TokenCodec c = TokenCodec.forPuzzle(m);
        assertEquals(900, c.seqLen());
        assertEquals(6, c.vocabSize());
        int[] lab = c.encodeLabels(m);
        String line = MazePuzzle.line(m.solution());
        for (int i = 0; i < lab.length; i++) {
            assertEquals("# SGo".indexOf(line.charAt(i)) + 1, lab[i]);
        }
        assertEquals(m.solution(), c.decode(lab).orElseThrow());
        assertEquals(m.maze(), c.decode(c.encodeInput(m)).orElseThrow());
    }

    @Test
    void arcCanvasHasTheReferenceEosBorder() {
        Grid g = Grid.of(new int[][] {{0, 9}, {5, 1}});
        int[] t = ArcCodec.INSTANCE.encode(g, 1, 2);
        assertEquals(9 + 2, t[30 + 3]);
        assertEquals(0 + 2, t[30 + 2]);
        assertEquals(ArcCodec.EOS, t[3 * 30 + 2]);
        assertEquals(ArcCodec.EOS, t[3 * 30 + 3]);
        assertEquals(ArcCodec.EOS, t[30 + 4]);
        assertEquals(ArcCodec.EOS, t[2 * 30 + 4]);
        assertEquals(ArcCodec.PAD, t[3 * 30 + 4]);
        assertEquals(ArcCodec.PAD, t[0]);
        int colours = 0;
        int eos = 0;
        for (int v : t) {
            colours += v >= 2 ? 1 : 0;
            eos += v == 1 ? 1 : 0;
        }
        assertEquals(4, colours);
        assertEquals(4, eos);
        Grid full = Grid.filled(30, 30, 3);
        int[] f = ArcCodec.INSTANCE.encode(full, 0, 0);
        for (int v : f) {
            assertEquals(5, v);
        }
        assertEquals(full, ArcCodec.INSTANCE.decode(f).orElseThrow());
        Grid wide = Grid.filled(3, 30, 1);
        int[] w = ArcCodec.INSTANCE.encode(wide, 0, 0);
        assertEquals(ArcCodec.EOS, w[3 * 30 + 29]);
        assertEquals(wide, ArcCodec.INSTANCE.decode(w).orElseThrow());
    }

    @Test
    void arcDecodeCropsEveryRealGridBack() throws Exception {
        List<ArcTask> tasks = ArcLoader.readDirectory(TestData.DATA.resolve("arc-agi-1/training")).loaded();
        assertFalse(tasks.isEmpty());
        for (ArcTask t : tasks) {
            for (ArcPair p : t.train()) {
                assertEquals(p.output(), ArcCodec.INSTANCE.decode(ArcCodec.INSTANCE.encode(p.output(), 0, 0))
                        .orElseThrow(), t.id());
            }
            assertArrayEquals(ArcCodec.INSTANCE.encode(t.test().get(0).input(), 0, 0),
                    ArcCodec.INSTANCE.encodeInput(t.puzzle(0)));
        }
    }

    @Test
    void arcDecodeFollowsTheReferenceCropOnRaggedPredictions() {
        int[] t = new int[900];
        for (int c = 0; c < 5; c++) {
            t[c] = 2;
            t[30 + c] = 3;
        }
        t[30 + 3] = ArcCodec.EOS;
        for (int c = 0; c < 3; c++) {
            t[60 + c] = 4;
            t[90 + c] = 4;
        }
        Grid g = ArcCodec.INSTANCE.decode(t).orElseThrow();
        assertEquals(4, g.rows());
        assertEquals(3, g.cols());
        assertTrue(ArcCodec.INSTANCE.decode(new int[900]).isEmpty());
        Random rng = new Random(1);
        Grid x = Grid.of(3, 4, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2});
        int r0 = rng.nextInt(27);
        int[] shifted = ArcCodec.INSTANCE.encode(x, r0, 3);
        assertTrue(ArcCodec.INSTANCE.decode(shifted).isEmpty(), "a translated grid does not start at the corner");
    }

    @Test
    void smallArcCanvasKeepsTheReferenceRulesAndTellsWhatDoesNotFit() {
        ArcCodec c = ArcCodec.of(4);
        assertEquals(16, c.seqLen());
        assertEquals(4, ArcCodec.forSeqLen(16).side());
        Grid g = Grid.of(new int[][] {{3, 1, 4}, {1, 5, 9}, {2, 6, 5}});
        int[] t = c.encode(g, 0, 0);
        assertArrayEquals(new int[] {5, 3, 6, 1, 3, 7, 11, 1, 4, 8, 7, 1, 1, 1, 1, 0}, t);
        assertEquals(g, c.decode(t).orElseThrow());
        int[] moved = c.encode(Grid.of(new int[][] {{7}}), 2, 1);
        assertEquals(9, moved[2 * 4 + 1]);
        assertEquals(ArcCodec.EOS, moved[3 * 4 + 1]);
        assertEquals(ArcCodec.EOS, moved[2 * 4 + 2]);
        Grid full = Grid.filled(4, 4, 0);
        assertEquals(full, c.decode(c.encode(full, 0, 0)).orElseThrow());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> c.encode(Grid.filled(5, 2, 1), 0, 0));
        assertTrue(tooBig.getMessage().contains("4x4 canvas"), tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.decode(new int[900]));
        assertThrows(IllegalArgumentException.class, () -> ArcCodec.forSeqLen(17));
        assertThrows(IllegalArgumentException.class, () -> ArcCodec.forSeqLen(31 * 31));
        assertThrows(IllegalArgumentException.class, () -> ArcCodec.of(0));
        assertSame(ArcCodec.INSTANCE, ArcCodec.forSeqLen(900));
    }

    @Test
    void aModelsLengthPicksTheArcCanvas() throws Exception {
        ArcTask small = ArcLoader.readDirectory(TestData.DATA.resolve("arc-agi-1/training")).loaded().stream()
                .filter(t -> t.id().equals("0d3d703e")).findFirst().orElseThrow();
        TokenCodec c = TokenCodec.forPuzzle(small.puzzle(0), 16);
        assertEquals(16, c.encodeInput(small.puzzle(0)).length);
        assertSame(ArcCodec.INSTANCE, TokenCodec.forPuzzle(small.puzzle(0), 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenCodec.forPuzzle(small.puzzle(0), 4));
        assertTrue(e.getMessage().contains("2x2"), e.getMessage());
        ArcTask growing = ArcLoader.readDirectory(TestData.DATA.resolve("arc-agi-1/training")).loaded().stream()
                .filter(t -> t.id().equals("007bbfb7")).findFirst().orElseThrow();
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> TokenCodec.forPuzzle(growing.puzzle(0), 16));
        assertTrue(out.getMessage().contains("9x9 output"), out.getMessage());
    }
}
