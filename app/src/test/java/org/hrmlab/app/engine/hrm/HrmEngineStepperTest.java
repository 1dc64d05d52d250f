package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.hrmlab.app.TestData;
import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.io.Npy;
import org.junit.jupiter.api.Test;

/** The lab's port on the real engine, driven with the reference golden checkpoint. */
class HrmEngineStepperTest {
    static final Path CASE = TestData.SUDOKU_SMALL;

    static LabPuzzle goldenPuzzle() throws Exception {
        int[] tokens = Npy.read(CASE.resolve("golden/inputs.npy")).toInts();
        int[] cells = new int[tokens.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = tokens[i] - 1;
        }
        return new LabPuzzle("golden", PuzzleKind.SUDOKU, new CellGrid(9, 9, cells), CellGrid.EMPTY);
    }

    static HrmEngineStepper loaded() {
        HrmEngineStepper s = new HrmEngineStepper(new DefaultModels(Map.of()));
        s.loadModel(CASE.resolve("checkpoint/step_0"));
        return s;
    }

    @Test
    void stepsTheRealModelAndMatchesTheReferenceAtSegmentEnds() throws Exception {
        float[] q = Npy.read(CASE.resolve("golden/q.npy")).toFloats();
        HrmEngineStepper s = loaded();
        LabFrame init = s.start(goldenPuzzle(), new InferenceSettings(2, 2, 3, false, DecodeMode.DIRECT));
        assertEquals(UpdateKind.INIT, init.kind());
        assertEquals(81, init.decoded().size());
        LabFrame first = s.step(StepAction.L_UPDATE).current();
        assertEquals(1, first.index());
        assertEquals(UpdateKind.L, first.kind());
        assertTrue(first.residualL() > 0);
        var seg = s.step(StepAction.SEGMENT);
        assertEquals(5, seg.recorded().size());
        assertTrue(seg.current().segmentEnd());
        assertEquals(q[0], seg.current().qHalt(), 1e-4);
        var rest = s.step(StepAction.SEGMENT);
        rest = s.step(StepAction.SEGMENT);
        assertEquals(q[4], rest.current().qHalt(), 1e-4);
        assertTrue(s.halted());
        assertEquals(19, s.recordedCount());
        assertTrue(s.step(StepAction.L_UPDATE).isEmpty());
    }

    /**
     * With the latent decode, every frame's grid and confidence are the output head on the frame's own zL (TRM: z),
     * computed here from the checkpoint's lm_head: on the HRM fixture and on the TRM fixture (16-token puzzle prefix).
     */
    @Test
    void theLatentDecodeShowsTheLowStateThroughTheOutputHead() throws Exception {
        for (Path dir : new Path[] {CASE, TestData.TRM_GOLDEN.resolve("trm-sudoku-small")}) {
            var ckpt = org.hrmlab.engine.io.CheckpointLoader.load(dir.resolve("checkpoint/step_0"));
            float[] head = ckpt.weights().get("lm_head.weight").data();
            int d = ckpt.config().hiddenSize();
            int v = ckpt.config().vocabSize();
            int prefix = ckpt.config().puzzleEmbLen();
            HrmEngineStepper s = new HrmEngineStepper(new DefaultModels(Map.of()));
            s.loadModel(dir.resolve("checkpoint/step_0"));
            LabPuzzle puzzle = goldenPuzzle();
            var direct = new java.util.ArrayList<LabFrame>();
            direct.add(s.start(puzzle, new InferenceSettings(2, 2, 1, false, DecodeMode.DIRECT)));
            direct.addAll(s.runToHalt().recorded());
            var frames = new java.util.ArrayList<LabFrame>();
            frames.add(s.start(puzzle, new InferenceSettings(2, 2, 1, false, DecodeMode.LATENT)));
            frames.addAll(s.runToHalt().recorded().stream().map(f -> s.seek(f.index())).toList());
            int differs = 0;
            for (LabFrame f : frames) {
                float[] zL = f.zL().values();
                int[] tokens = new int[81];
                float[] p = new float[81];
                for (int t = 0; t < 81; t++) {
                    double[] logits = new double[v];
                    for (int k = 0; k < v; k++) {
                        for (int i = 0; i < d; i++) {
                            logits[k] += (double) zL[(prefix + t) * d + i] * head[k * d + i];
                        }
                        tokens[t] = logits[k] > logits[tokens[t]] ? k : tokens[t];
                    }
                    double z = 0;
                    for (double l : logits) {
                        z += Math.exp(l - logits[tokens[t]]);
                    }
                    p[t] = (float) (1 / z);
                }
                CellGrid want = LabPuzzleTokens.decode(puzzle, tokens);
                assertArrayEquals(want.cells(), f.decoded().cells(), dir.getFileName() + ", update " + f.index());
                float[] wantP = LabPuzzleTokens.atCells(puzzle, want, p);
                for (int c = 0; c < wantP.length; c++) {
                    assertEquals(wantP[c], f.confidence()[c], 1e-4, dir.getFileName() + ", update " + f.index()
                            + ", cell " + c);
                }
                differs += java.util.Arrays.equals(direct.get(f.index()).decoded().cells(), f.decoded().cells())
                        ? 0 : 1;
            }
            assertEquals(7, frames.size(), "the initial state and one segment of 2 x (2 + 1) updates");
            assertTrue(differs > 0, dir.getFileName() + ": zL decodes as zH at every update");
        }
    }

    @Test
    void seekingBackReturnsTheSameFrames() throws Exception {
        HrmEngineStepper s = loaded();
        s.start(goldenPuzzle(), new InferenceSettings(2, 2, 2, false, DecodeMode.PAPER_FIG7));
        LabFrame at4 = null;
        for (int i = 1; i <= 8; i++) {
            LabFrame f = s.step(StepAction.L_UPDATE).current();
            if (i == 4) {
                at4 = f;
            }
        }
        LabFrame again = s.seek(4);
        assertArrayEquals(at4.zH().values(), again.zH().values());
        assertArrayEquals(at4.decoded().cells(), again.decoded().cells());
        assertEquals(UpdateKind.INIT, s.seek(0).kind());
        assertEquals(9, s.step(StepAction.L_UPDATE).current().index(), "stepping continues after the last update");
    }

    @Test
    void aModelForAnotherVocabularyIsAClearError() {
        HrmEngineStepper s = loaded();
        int[] colours = new int[9];
        java.util.Arrays.fill(colours, 9);
        var arc = new LabPuzzle("arc", PuzzleKind.ARC, new CellGrid(3, 3, colours), CellGrid.EMPTY);
        StepperException e = assertThrows(StepperException.class, () -> s.start(arc, InferenceSettings.DEFAULTS));
        assertTrue(e.getMessage().contains("vocabulary"), e.getMessage());
        var none = new HrmEngineStepper(new DefaultModels(Map.of()));
        assertThrows(StepperException.class, () -> none.start(arc, InferenceSettings.DEFAULTS));
    }

    @Test
    void theLoadedModelCarriesItsFilesHashForManifests() throws Exception {
        var info = new HrmEngineStepper(new DefaultModels(Map.of())).loadModel(CASE.resolve("checkpoint/step_0"));
        String expected = org.hrmlab.engine.io.FileHashes.sha256(CASE.resolve("checkpoint/step_0"));
        org.junit.jupiter.api.Assertions.assertEquals(expected, info.sha256());
    }

    @Test
    void opensAndStepsATrmAndHaltsOnItsOwnRule() throws Exception {
        Path trm = TestData.TRM_GOLDEN.resolve("trm-mlp-small");
        float[] q = Npy.read(trm.resolve("golden/q.npy")).toFloats();
        int[] tokens = Npy.read(trm.resolve("golden/inputs.npy")).toInts();
        int[] cells = new int[tokens.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = tokens[i] - 1;
        }
        LabPuzzle puzzle = new LabPuzzle("trm golden", PuzzleKind.SUDOKU, new CellGrid(9, 9, cells), CellGrid.EMPTY);
        try (HrmEngineStepper s = new HrmEngineStepper(new DefaultModels(Map.of()))) {
            s.loadModel(trm.resolve("checkpoint/step_0"));
            s.start(puzzle, new InferenceSettings(2, 2, 4, true, DecodeMode.DIRECT));
            var seg = s.step(StepAction.SEGMENT);
            assertEquals(6, seg.recorded().size(), "2 x (2 latent updates + 1 answer update)");
            assertEquals(q[0], seg.current().qHalt(), 1e-4);
            assertTrue(q[0] > 0 && s.halted(), "q_halt > 0 halts a TRM after its first segment");
        }
    }
}
