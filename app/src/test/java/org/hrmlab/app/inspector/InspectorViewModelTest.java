package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.Notice;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.viz.fx.TimelineMarker;
import org.hrmlab.viz.grid.HeatOverlay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {
    private Notices notices;
    private InspectorViewModel vm;

    @BeforeEach
    void setUp() {
        notices = new Notices();
        vm = new InspectorViewModel(new FakeStepper(0, 32), Runnable::run, Runnable::run, notices);
        vm.loadPuzzle(SamplePuzzles.sudoku());
    }

    @Test
    void loadingAPuzzleShowsTheInitialStateWithHiddenStates() {
        assertEquals(1, vm.timeline().size());
        assertEquals(0, vm.getCursor());
        assertEquals(UpdateKind.INIT, vm.cursorFrameProperty().get().kind());
        var states = vm.statesFrameProperty().get();
        assertNotNull(states);
        assertEquals(82, states.zH().rows());
        assertEquals(32, states.zH().cols());
        assertInstanceOf(BoardSnapshot.Sudoku.class, vm.boardProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void stepsFollowTheHrmSchedule() {
        vm.forward(StepAction.L_UPDATE);
        assertEquals(1, vm.getCursor());
        assertEquals(UpdateKind.L, vm.cursorFrameProperty().get().kind());
        vm.forward(StepAction.H_UPDATE);
        assertEquals(3, vm.getCursor(), "L, L, then H with L_cycles = 2");
        assertEquals(UpdateKind.H, vm.cursorFrameProperty().get().kind());
        vm.forward(StepAction.SEGMENT);
        assertEquals(6, vm.getCursor(), "a segment is H_cycles * (L_cycles + 1) = 6 updates");
        assertTrue(vm.cursorFrameProperty().get().segmentEnd());
        assertEquals(6, vm.statesFrameProperty().get().index());
    }

    @Test
    void backAndForwardReplayRecordedUpdatesWithoutTheEngine() {
        vm.forward(StepAction.SEGMENT);
        vm.back(StepAction.L_UPDATE);
        assertEquals(5, vm.getCursor());
        vm.back(StepAction.H_UPDATE);
        assertEquals(3, vm.getCursor());
        vm.back(StepAction.SEGMENT);
        assertEquals(0, vm.getCursor());
        vm.forward(StepAction.H_UPDATE);
        assertEquals(3, vm.getCursor());
        assertEquals(7, vm.timeline().size(), "nothing new was computed");
        assertEquals(3, vm.statesFrameProperty().get().index(), "states follow the cursor");
    }

    @Test
    void runToHaltSolvesAndMarksTheTimeline() {
        vm.runToHalt();
        assertTrue(vm.haltedProperty().get());
        int last = vm.timeline().size() - 1;
        assertEquals(last, vm.getCursor());
        var frame = vm.cursorFrameProperty().get();
        assertTrue(frame.halted());
        assertEquals(Verdict.RIGHT, frame.verdict());
        assertTrue(frame.segment() < InferenceSettings.DEFAULTS.maxSegments(), "Q-halting stops early");
        var kinds = vm.markersProperty().get().stream().map(TimelineMarker::kind).toList();
        assertTrue(kinds.contains(TimelineMarker.Kind.HALT));
        assertTrue(kinds.contains(TimelineMarker.Kind.FIRST_CORRECT));
        assertTrue(kinds.contains(TimelineMarker.Kind.SEGMENT_END));
        var plots = vm.plotsProperty().get();
        assertEquals(frame.segment(), plots.haltProbability().x().length);
        assertEquals(1.0, plots.accuracy().y()[plots.accuracy().y().length - 1], 1e-12);
        var board = (BoardSnapshot.Sudoku) vm.boardProperty().get();
        assertEquals(0, board.conflicts());
        assertTrue(board.backtracks() >= 2, "the scripted run backtracks twice");
    }

    @Test
    void stepsAfterTheHaltDoNothing() {
        vm.runToHalt();
        int size = vm.timeline().size();
        vm.forward(StepAction.L_UPDATE);
        assertEquals(size, vm.timeline().size());
    }

    @Test
    void seekingMovesTheCursorAndFetchesStates() {
        vm.runToHalt();
        vm.seek(2);
        assertEquals(2, vm.getCursor());
        assertEquals(2, vm.statesFrameProperty().get().index());
        assertTrue(Double.isFinite(vm.statsProperty().get().prH()));
        vm.seek(10_000);
        assertEquals(vm.timeline().size() - 1, vm.getCursor());
    }

    @Test
    void fewerSegmentsRerunAndStopUnsolved() {
        vm.applySettings(new InferenceSettings(2, 2, 2, true, DecodeMode.DIRECT));
        assertTrue(vm.haltedProperty().get());
        var last = vm.cursorFrameProperty().get();
        assertEquals(2, last.segment());
        assertEquals(Verdict.WRONG, last.verdict());
        assertEquals(13, vm.timeline().size());
    }

    @Test
    void moreCyclesMakeLongerSegments() {
        vm.applySettings(new InferenceSettings(3, 4, 1, false, DecodeMode.DIRECT));
        assertEquals(1 + 3 * 5, vm.timeline().size());
    }

    @Test
    void decodeModeSwitchKeepsTheCursor() {
        vm.runToHalt();
        vm.seek(4);
        var direct = vm.cursorFrameProperty().get().decoded();
        vm.setDecodeMode(DecodeMode.PAPER_FIG7);
        assertEquals(4, vm.getCursor());
        assertEquals(DecodeMode.PAPER_FIG7, vm.getSettings().decodeMode());
        assertFalse(direct.equals(vm.cursorFrameProperty().get().decoded()), "Fig. 7 decoding looks ahead");
    }

    @Test
    void aBadCheckpointBecomesAnErrorNotice() {
        vm.loadModel(Path.of("no/such/step_1"));
        var notice = notices.getLatest();
        assertEquals(Notice.Level.ERROR, notice.level());
        assertTrue(notice.message().contains("no such checkpoint"), notice.message());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void playbackTicksForwardAndStopsAtTheHalt() {
        vm.togglePlay();
        for (int i = 0; i < 200 && vm.playingProperty().get(); i++) {
            vm.tick();
        }
        assertFalse(vm.playingProperty().get());
        assertTrue(vm.haltedProperty().get());
        assertEquals(vm.timeline().size() - 1, vm.getCursor());
    }

    @Test
    void mazeAndArcBoardsCarryTheirReadings() {
        vm.loadPuzzle(SamplePuzzles.maze());
        vm.runToHalt();
        var maze = (BoardSnapshot.Maze) vm.boardProperty().get();
        assertTrue(maze.connected());
        assertEquals(1, maze.components());
        vm.loadPuzzle(SamplePuzzles.arcMirror());
        vm.forward(StepAction.L_UPDATE);
        var early = (BoardSnapshot.Arc) vm.boardProperty().get();
        assertEquals(7, early.board().predicted().cols(), "starts one column too wide");
        vm.runToHalt();
        assertEquals(0, ((BoardSnapshot.Arc) vm.boardProperty().get()).distance());
    }

    @Test
    void theOverlayFollowsTheCursorOnTheRunsScale() {
        assertEquals(HeatOverlay.NONE, vm.overlayProperty().get(), "off by default");
        vm.overlayLayerProperty().set(OverlayLayer.STATE_CHANGE);
        assertTrue(vm.overlayProperty().get().isEmpty(), "the initial state has no change");
        vm.runToHalt();
        int last = vm.timeline().size() - 1;
        float maxL = 0;
        for (var f : vm.timeline()) {
            if (f.kind() == UpdateKind.L) {
                maxL = Math.max(maxL, f.stateChange().max());
            }
        }
        assertEquals(maxL, vm.getOverlayScale().maxL());
        vm.seek(1);
        var frame = vm.cursorFrameProperty().get();
        var overlay = vm.overlayProperty().get();
        assertEquals(UpdateKind.L, frame.kind());
        assertArrayEquals(frame.stateChange().values(), overlay.values());
        assertEquals(maxL, overlay.max(), "the whole run's largest zL change, also at update 1");
        vm.overlayLayerProperty().set(OverlayLayer.CONFIDENCE);
        assertArrayEquals(frame.confidence(), vm.overlayProperty().get().values());
        vm.seek(last);
        assertArrayEquals(vm.cursorFrameProperty().get().confidence(), vm.overlayProperty().get().values());
        vm.overlayLayerProperty().set(OverlayLayer.NONE);
        assertEquals(HeatOverlay.NONE, vm.overlayProperty().get());
        vm.loadPuzzle(SamplePuzzles.sudoku());
        assertEquals(org.hrmlab.app.engine.OverlayScale.NONE, vm.getOverlayScale(), "a new run, a new scale");
    }

    @Test
    void aGrowingScaleRecoloursTheBoardAtAnEarlierCursor() {
        var engine = new java.util.ArrayDeque<Runnable>();
        var queued = new InspectorViewModel(new FakeStepper(0, 32), engine::add, Runnable::run, notices);
        queued.overlayLayerProperty().set(OverlayLayer.STATE_CHANGE);
        queued.loadPuzzle(SamplePuzzles.sudoku());
        drain(engine);
        queued.forward(StepAction.L_UPDATE);
        drain(engine);
        queued.forward(StepAction.L_UPDATE);
        drain(engine);
        queued.seek(1);
        drain(engine);
        assertEquals(3, queued.timeline().size());
        double before = queued.overlayProperty().get().max();
        queued.runToHalt();
        queued.seek(1);
        drain(engine);
        assertEquals(1, queued.getCursor(), "the cursor stayed while the run grew");
        assertTrue(queued.getOverlayScale().maxL() > before, "the run's later updates moved more");
        assertEquals(queued.getOverlayScale().maxL(), queued.overlayProperty().get().max(),
                "the board at the cursor is recoloured on the new scale");
        queued.close();
    }

    private static void drain(java.util.Deque<Runnable> engine) {
        for (Runnable r = engine.poll(); r != null; r = engine.poll()) {
            r.run();
        }
    }
}
