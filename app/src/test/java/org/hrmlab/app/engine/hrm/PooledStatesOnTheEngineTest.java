package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.PooledStateRecorder;
import org.hrmlab.app.engine.PooledTrajectory;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.engine.TrajectoryPcaFit;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.io.Npy;
import org.junit.jupiter.api.Test;

/** The PCA recorder around the real engine: stepping through it keeps the reference numbers, and the fit is sane. */
class PooledStatesOnTheEngineTest {
    private static LabPuzzle goldenPuzzle() throws Exception {
        int[] tokens = Npy.read(HrmEngineStepperTest.CASE.resolve("golden/inputs.npy")).toInts();
        int[] cells = new int[tokens.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = tokens[i] - 1;
        }
        return new LabPuzzle("golden", PuzzleKind.SUDOKU, new CellGrid(9, 9, cells), CellGrid.EMPTY);
    }

    private static HrmEngineStepper loaded() {
        HrmEngineStepper s = new HrmEngineStepper(new DefaultModels(Map.of()));
        s.loadModel(HrmEngineStepperTest.CASE.resolve("checkpoint/step_0"));
        return s;
    }

    @Test
    void segmentsThroughTheRecorderMatchTheReferenceAndGiveAFiniteFit() throws Exception {
        float[] q = Npy.read(HrmEngineStepperTest.CASE.resolve("golden/q.npy")).toFloats();
        List<PooledTrajectory> snapshots = new ArrayList<>();
        var port = new PooledStateRecorder(loaded(), snapshots::add);
        port.start(goldenPuzzle(), new InferenceSettings(2, 2, 3, false, DecodeMode.DIRECT));
        List<Double> halts = new ArrayList<>();
        while (!port.halted()) {
            var seg = port.step(StepAction.SEGMENT);
            assertEquals(6, seg.recorded().size());
            halts.add(seg.current().qHalt());
        }
        assertEquals(q[0], halts.get(0), 1e-4);
        assertEquals(q[4], halts.get(2), 1e-4);
        PooledTrajectory t = snapshots.get(snapshots.size() - 1);
        assertEquals(19, t.updates());
        assertArrayEquals(new int[] {6, 12, 18}, t.segmentEnds());
        var frame = port.seek(7);
        double mean0 = 0;
        int prefix = port.model().puzzlePrefix();
        for (int p = prefix; p < frame.zH().rows(); p++) {
            mean0 += frame.zH().valuesView()[p * frame.zH().cols()];
        }
        assertEquals(mean0 / (frame.zH().rows() - prefix), t.zH().get(7)[0], 1e-9);

        TrajectoryPca pca = TrajectoryPcaFit.fit(t);
        assertTrue(pca.fitted());
        assertEquals(18, pca.samples());
        for (double v : pca.zH().pc1()) {
            assertTrue(Double.isFinite(v));
        }
        double share = pca.zL().ratio()[0] + pca.zL().ratio()[1];
        assertTrue(share > 0 && share <= 1 + 1e-9, "PC1 + PC2 share " + share);
    }
}
