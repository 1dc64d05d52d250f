package org.hrmlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.junit.jupiter.api.Test;

class PooledStateRecorderTest {
    private final List<PooledTrajectory> snapshots = new ArrayList<>();
    private final FakeStepper reference = new FakeStepper(0, 16);
    private final PooledStateRecorder recorder = new PooledStateRecorder(new FakeStepper(0, 16), snapshots::add);

    @Test
    void stepsLikeTheWrappedPortAndKeepsTheMeanOfEveryUpdatesNonPrefixPositions() {
        var puzzle = SamplePuzzles.sudoku();
        reference.start(puzzle, InferenceSettings.DEFAULTS);
        recorder.start(puzzle, InferenceSettings.DEFAULTS);
        for (StepAction action : new StepAction[] {StepAction.L_UPDATE, StepAction.H_UPDATE, StepAction.SEGMENT,
                StepAction.SEGMENT}) {
            StepResult expected = reference.step(action);
            StepResult actual = recorder.step(action);
            assertEquals(describe(expected), describe(actual), action.name());
            assertEquals(expected.current().index(), actual.current().index());
            assertArrayEquals(expected.current().zH().values(), actual.current().zH().values());
        }
        assertEquals(5, snapshots.size(), "one snapshot per start and per step");
        PooledTrajectory t = snapshots.get(4);
        assertEquals(reference.recordedCount(), t.updates());
        int prefix = reference.model().puzzlePrefix();
        assertEquals(1, prefix);
        for (int i = 0; i < t.updates(); i++) {
            var frame = reference.seek(i);
            assertArrayEquals(mean(frame.zL().values(), frame.zL().rows(), frame.zL().cols(), prefix), t.zL().get(i),
                    1e-12, "zL of update " + i);
            assertArrayEquals(mean(frame.zH().values(), frame.zH().rows(), frame.zH().cols(), prefix), t.zH().get(i),
                    1e-12, "zH of update " + i);
        }
        assertArrayEquals(new int[] {6, 12}, t.segmentEnds());
    }

    @Test
    void aNewRunStartsANewGenerationAndSeeksDoNotRecord() {
        recorder.start(SamplePuzzles.sudoku(), InferenceSettings.DEFAULTS);
        recorder.step(StepAction.SEGMENT);
        recorder.seek(2);
        recorder.seek(5);
        assertEquals(2, snapshots.size());
        recorder.start(SamplePuzzles.sudoku(), InferenceSettings.DEFAULTS.withDecodeMode(DecodeMode.PAPER_FIG7));
        assertEquals(3, snapshots.size());
        assertTrue(snapshots.get(2).generation() > snapshots.get(1).generation());
        assertEquals(1, snapshots.get(2).updates());
    }

    private static List<String> describe(StepResult r) {
        return r.recorded().stream().map(f -> f.index() + " " + f.kind() + " " + f.segmentEnd()).toList();
    }

    private static double[] mean(float[] values, int rows, int cols, int skip) {
        double[] m = new double[cols];
        for (int r = skip; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[c] += values[r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            m[c] /= rows - skip;
        }
        return m;
    }
}
