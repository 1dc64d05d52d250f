package org.hrmlab.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hrmlab.engine.analysis.TraceReader;
import org.hrmlab.puzzles.BundledPuzzles;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import org.hrmlab.puzzles.readings.SudokuReading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Sudoku readings of recorded traces hold for every board size the puzzles have, not only 9x9. */
class SudokuTraceReadingsTest {

    /**
     * A trace of three updates in the reference Sudoku encoding (token = digit + 1, blank 1): the first decodes the
     * givens only, the second one wrong digit in the first blank, the third the solution.
     */
    static Path trace(Path dir, SudokuPuzzle p) throws IOException {
        int n = p.shape().size();
        int cells = n * n;
        int vocab = n + 2;
        int[] givens = p.givens().toArray();
        int[] solution = p.solution().toArray();
        int blank = 0;
        while (givens[blank] != 0) {
            blank++;
        }
        int[] wrong = givens.clone();
        wrong[blank] = solution[blank] % n + 1;
        List<int[]> steps = List.of(givens, wrong, solution);
        float[] logits = new float[steps.size() * cells * vocab];
        for (int s = 0; s < steps.size(); s++) {
            for (int c = 0; c < cells; c++) {
                logits[(s * cells + c) * vocab + steps.get(s)[c] + 1] = 5f;
            }
        }
        int hidden = 2;
        float[] states = new float[steps.size() * cells * hidden];
        for (int i = 0; i < states.length; i++) {
            states[i] = (float) Math.sin(i);
        }
        Files.createDirectories(dir);
        Npy.write(dir.resolve("zL.npy"), NpyArray.ofFloats(states, steps.size(), cells, hidden));
        Npy.write(dir.resolve("zH.npy"), NpyArray.ofFloats(states, steps.size(), cells, hidden));
        Npy.write(dir.resolve("logits.npy"), NpyArray.ofFloats(logits, steps.size(), cells, vocab));
        int[] inputs = new int[cells];
        for (int c = 0; c < cells; c++) {
            inputs[c] = givens[c] + 1;
        }
        Npy.write(dir.resolve("inputs.npy"), NpyArray.ofInts(inputs, 1, cells));
        Files.writeString(dir.resolve("steps.json"), "[{\"kind\":\"L\",\"segment\":0},{\"kind\":\"L\",\"segment\":0},"
                + "{\"kind\":\"H\",\"segment\":0}]");
        Files.writeString(dir.resolve("manifest.json"), "{\"puzzle_emb_len\":0}");
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sudoku/4x4-easy", "sudoku/6x6-medium", "sudoku/9x9-easy"})
    void everyBoardSizeIsRead(String set, @TempDir Path tmp) throws IOException {
        SudokuPuzzle p = (SudokuPuzzle) BundledPuzzles.open(set, 0);
        TraceReader t = TraceReader.open(trace(tmp.resolve("trace"), p));

        Optional<List<SudokuReading>> readings = SudokuTraceReadings.read(t, 2);

        assertTrue(readings.isPresent(), set + ": readings vanished");
        List<SudokuReading> r = readings.get();
        assertEquals(3, r.size());
        assertEquals(1, r.get(1).changedCount());
        assertTrue(r.get(1).blankCount() > 0);
        assertFalse(r.get(2).solved() && r.get(1).solved());
        assertTrue(r.get(2).solved(), set + ": the solution reads as solved (boxes of the right shape)");
        assertEquals(0, r.get(2).violatingCells());
    }

    @ParameterizedTest
    @ValueSource(strings = {"arc", "maze"})
    void aTraceOfAnotherKindWithASudokusLengthsIsNotReadAsOne(String kind, @TempDir Path tmp) throws IOException {
        SudokuPuzzle p = (SudokuPuzzle) BundledPuzzles.open("sudoku/9x9-easy", 0);
        Path dir = trace(tmp.resolve("trace"), p);
        assertTrue(SudokuTraceReadings.read(TraceReader.open(dir), 2).isPresent(), "no kind recorded: by its lengths");
        Files.writeString(dir.resolve("manifest.json"), "{\"puzzle_emb_len\":0,\"puzzle_kind\":\"" + kind + "\"}");
        assertTrue(SudokuTraceReadings.read(TraceReader.open(dir), 2).isEmpty(), "a " + kind + " trace");
        Files.writeString(dir.resolve("manifest.json"), "{\"puzzle_emb_len\":0,\"puzzle_kind\":\"sudoku\"}");
        assertTrue(SudokuTraceReadings.read(TraceReader.open(dir), 2).isPresent());
    }
}
