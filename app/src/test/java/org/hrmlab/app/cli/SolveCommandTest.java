package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hrmlab.app.TestData;
import org.hrmlab.puzzles.io.Npy;
import org.junit.jupiter.api.Test;

class SolveCommandTest {
    static final Path CASE = TestData.SUDOKU_SMALL;

    @Test
    void runsToTheSegmentLimitWhenTheQHeadNeverHalts() throws Exception {
        CliRun run = CliRun.of("solve", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--tokens", CASE.resolve("golden/inputs.npy").toString(), "--max-segments", "3");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = Json.MAPPER.readTree(run.out());
        // The fixture's Q head prefers "continue" at every segment end (q.npy), so solve must use all 3.
        assertEquals(3, out.get("segments").asInt());
        float[] logits = Npy.read(CASE.resolve("golden/logits.npy")).toFloats();
        int last = 17 * 81 * 11;
        for (int p = 0; p < 81; p++) {
            int best = 0;
            for (int v = 1; v < 11; v++) {
                if (logits[last + p * 11 + v] > logits[last + p * 11 + best]) {
                    best = v;
                }
            }
            assertEquals(best, out.get("predicted_tokens").get(p).asInt(), "position " + p);
        }
    }

    @Test
    void honoursTheSegmentLimitAndReportsCorrectness() throws Exception {
        CliRun run = CliRun.of("solve", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--tokens", CASE.resolve("golden/inputs.npy").toString(), "--labels",
                CASE.resolve("golden/inputs.npy").toString(), "--max-segments", "1");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = Json.MAPPER.readTree(run.out());
        assertEquals(1, out.get("segments").asInt());
        assertTrue(out.has("correct") && out.has("token_accuracy"));
    }

    @Test
    void solvesAPuzzleFileAndReportsTheDecodedGridAgainstItsAnswer() throws Exception {
        Path csv = TestData.MAGICTOUR_CSV;
        CliRun run = CliRun.of("solve", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--puzzle", csv + "#1", "--max-segments", "2");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = Json.MAPPER.readTree(run.out());
        assertEquals(9, out.get("predicted_grid").size());
        assertEquals(9, out.get("predicted_grid").get(0).size());
        // An untrained fixture model does not solve a hard Sudoku; the answer must be known and checked.
        assertEquals(false, out.get("correct").asBoolean());
        assertTrue(out.get("token_accuracy").asDouble() < 0.5);

        CliRun bad = CliRun.of("solve", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--puzzle", csv + "#999999");
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    @Test
    void aPuzzleOfAnotherKindOrSizeIsRefusedInOneLine() {
        String ckpt = CASE.resolve("checkpoint/step_0").toString();
        for (String puzzle : new String[] {"bundled:maze/9x9-medium#0", "bundled:sudoku/4x4-easy#0",
            "bundled:arc/007bbfb7"}) {
            CliRun run = CliRun.of("solve", "--checkpoint", ckpt, "--puzzle", puzzle);
            assertEquals(2, run.exitCode(), puzzle + ": " + run.out() + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(puzzle) && run.err().contains("takes 9x9 Sudokus (81 tokens)"), run.err());
        }
    }

    @Test
    void aMazeModelWithTheReferenceDataPathRefusesASudokuOfTheSameVocabulary(@org.junit.jupiter.api.io.TempDir
            Path dir) throws Exception {
        Path maze = org.hrmlab.app.TestModels.importedMaze30(dir.resolve("maze27m.safetensors"));
        CliRun run = CliRun.of("solve", "--checkpoint", maze.toString(), "--puzzle", "bundled:sudoku/4x4-easy#0");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("30x30 mazes (900 tokens)") && run.err().contains("maze-30x30-hard-1k")
                && run.err().contains("4x4 Sudoku"), run.err());

        CliRun fits = CliRun.of("solve", "--checkpoint", maze.toString(), "--puzzle", "bundled:maze/30x30-hard#0",
                "--max-segments", "1");
        assertEquals(0, fits.exitCode(), fits.err());
    }

    @Test
    void aPuzzleIdOutsideTheTableIsRefused() {
        CliRun run = CliRun.of("solve", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--tokens", CASE.resolve("golden/inputs.npy").toString(), "--puzzle-id", "5");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("puzzle id 5"), run.err());
    }

    @Test
    void aTrmHaltsWhenItsHaltLogitIsPositive() throws Exception {
        Path trm = TestData.TRM_GOLDEN.resolve("trm-mlp-small");
        CliRun run = CliRun.of("solve", "--checkpoint", trm.resolve("checkpoint/step_0").toString(),
                "--tokens", trm.resolve("golden/inputs.npy").toString(), "--max-segments", "4");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = Json.MAPPER.readTree(run.out());
        // q.npy: q_halt is +0.92 at the first segment end, so the TRM stops there
        assertEquals(1, out.get("segments").asInt());
        assertTrue(out.get("halted_by_q").asBoolean());
        assertEquals("q_halt > 0", out.get("halt_rule").asText());
        assertEquals(Npy.read(trm.resolve("golden/q.npy")).toFloats()[0], out.get("q_halt").floatValue(), 1e-4);
    }
}
