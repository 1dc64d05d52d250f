package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.FrameReader;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.puzzles.readings.SudokuReader;
import org.hrmlab.puzzles.readings.SudokuReading;
import org.hrmlab.viz.fx.TimelineMarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The issue's long run, 16 segments x 8 H-cycles x 16 L-steps (2,176 updates after the initial state): what a cursor
 * move or a batch of new updates costs must not grow with the timeline. Counted, not timed: reader steps (calls of
 * sample-puzzles' Sudoku and maze readers) and plot points.
 */
class LongTimelineTest {
    private static final InferenceSettings LONG = new InferenceSettings(8, 16, 16, false, DecodeMode.DIRECT);
    private static final int UPDATES = 1 + 16 * 8 * 17;

    private InspectorViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new InspectorViewModel(new FakeStepper(0, 8), Runnable::run, Runnable::run, new Notices());
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    private void longRun(LabPuzzle puzzle) {
        vm.loadPuzzle(puzzle);
        vm.applySettings(LONG);
        assertTrue(vm.haltedProperty().get());
        assertEquals(UPDATES, vm.timeline().size());
    }

    /** Cursor positions scattered over the whole timeline, far jumps both ways. */
    private static List<Integer> scrub() {
        var out = new ArrayList<Integer>();
        for (int i = 0; i < 200; i++) {
            out.add((i * 997) % UPDATES);
        }
        out.add(UPDATES - 1);
        out.add(0);
        return out;
    }

    @Test
    void aCursorMoveTakesNoReaderStepsHoweverLongTheTimeline() {
        for (var puzzle : List.of(SamplePuzzles.sudoku(), SamplePuzzles.maze())) {
            longRun(puzzle);
            long most = 0;
            for (int target : scrub()) {
                long before = FrameReader.readerSteps();
                vm.seek(target);
                most = Math.max(most, FrameReader.readerSteps() - before);
                assertEquals(target, vm.getCursor());
            }
            assertEquals(0, most, puzzle.name() + ": reader steps in one cursor move (the history was replayed)");
            long before = FrameReader.readerSteps();
            vm.togglePlay();
            for (int i = 0; i < 50; i++) {
                vm.tick();
            }
            assertEquals(0, FrameReader.readerSteps() - before, "playback looks readings up too");
        }
    }

    @Test
    void everyRecordedFrameIsReadOnceAsItArrives() {
        vm.loadPuzzle(SamplePuzzles.sudoku());
        long before = FrameReader.readerSteps();
        vm.applySettings(LONG);
        assertEquals(UPDATES, FrameReader.readerSteps() - before, "one reader step per update of the rerun");
        before = FrameReader.readerSteps();
        for (int i = 0; i < 20; i++) {
            vm.back(StepAction.H_UPDATE);
        }
        assertEquals(0, FrameReader.readerSteps() - before, "stepping back reads nothing");
    }

    @Test
    void lookedUpSudokuReadingsAreTheReadersOwn() {
        var puzzle = SamplePuzzles.sudoku();
        longRun(puzzle);
        var timeline = vm.timelineSnapshot();
        var reader = new SudokuReader(puzzle.input().cells(), puzzle.sudokuShape(), SudokuReader.DEFAULT_STABLE_STEPS);
        var readings = new ArrayList<SudokuReading>();
        int[] backtracksSoFar = new int[timeline.size()];
        int total = 0;
        for (var f : timeline) {
            var grid = f.kind() == UpdateKind.INIT ? puzzle.input() : f.decoded();
            var r = reader.next(grid.cells());
            readings.add(r);
            total += r.backtrackCount();
            backtracksSoFar[f.index()] = total;
        }
        assertTrue(total >= 2, "the scripted run backtracks");
        for (int c : scrub()) {
            vm.seek(c);
            var board = (BoardSnapshot.Sudoku) vm.boardProperty().get();
            assertEquals(backtracksSoFar[c], board.backtracks(), "backtracks so far at " + c);
            assertEquals(readings.get(c).violatingCells(), board.conflicts());
            assertEquals(readings.get(c).changedCount(), board.changed());
            assertArrayEquals(readings.get(c).changed(), board.board().changed());
            boolean[] flags = new boolean[81];
            for (int t = Math.max(0, c - Boards.FADE_UPDATES + 1); t <= c; t++) {
                for (int i = 0; i < flags.length; i++) {
                    flags[i] |= readings.get(t).backtrack()[i];
                }
            }
            assertArrayEquals(flags, board.board().backtracks(), "backtrack flags of the last updates at " + c);
        }
    }

    @Test
    void lookedUpBoardsEqualBoardsReadFromTheStart() {
        for (var puzzle : List.of(SamplePuzzles.sudoku(), SamplePuzzles.maze())) {
            vm.loadPuzzle(puzzle);
            vm.applySettings(new InferenceSettings(2, 4, 6, false, DecodeMode.DIRECT));
            var timeline = vm.timelineSnapshot();
            for (int c = 0; c < timeline.size(); c++) {
                vm.seek(c);
                assertSameBoard(Boards.build(puzzle, timeline, c), vm.boardProperty().get(), puzzle.name() + " @" + c);
            }
        }
    }

    @Test
    void aNewRunStartsItsReadingsAfreshAndARerunComesBackToTheCursor() {
        var puzzle = SamplePuzzles.sudoku();
        longRun(puzzle);
        vm.seek(1500);
        int backtracksBefore = ((BoardSnapshot.Sudoku) vm.boardProperty().get()).backtracks();
        vm.setDecodeMode(DecodeMode.PAPER_FIG7);
        assertEquals(1500, vm.getCursor(), "the rerun comes back to the same update");
        var timeline = vm.timelineSnapshot();
        assertSameBoard(Boards.build(puzzle, timeline, 1500), vm.boardProperty().get(), "after the rerun");
        assertEquals(backtracksBefore, ((BoardSnapshot.Sudoku) vm.boardProperty().get()).backtracks(),
                "the same script, read afresh, backtracks as often by then");
        vm.loadPuzzle(puzzle);
        assertEquals(1, vm.timeline().size());
        var start = (BoardSnapshot.Sudoku) vm.boardProperty().get();
        assertEquals(0, start.backtracks(), "a new run counts from zero");
        assertEquals(0, vm.plotsProperty().get().residualL().size());
        assertEquals(0, vm.markersProperty().get().size());
    }

    @Test
    void plotsAndMarksGrowByAppendingSnapshots() {
        var puzzle = SamplePuzzles.sudoku();
        vm.loadPuzzle(puzzle);
        vm.applySettings(new InferenceSettings(8, 16, 3, false, DecodeMode.DIRECT));
        vm.loadPuzzle(puzzle);
        var settings = vm.getSettings();
        assertEquals(1 + 3 * 8 * 17, vm.timelineSpan(), "a growing run lays out its planned length");
        var plots = new ArrayList<PlotSet>();
        var marks = new ArrayList<List<TimelineMarker>>();
        plots.add(vm.plotsProperty().get());
        marks.add(vm.markersProperty().get());
        while (!vm.haltedProperty().get()) {
            vm.forward(StepAction.H_UPDATE);
            var p = vm.plotsProperty().get();
            assertTrue(p.continues(plots.get(plots.size() - 1)), "new updates extend the plot data");
            var m = (TimelineMarkers.Snapshot) vm.markersProperty().get();
            assertTrue(m.continues(marks.get(marks.size() - 1)), "new updates extend the marks");
            plots.add(p);
            marks.add(m);
        }
        assertEquals(settings, vm.getSettings());
        var timeline = vm.timelineSnapshot();
        assertEquals(timeline.size(), vm.timelineSpan());
        var whole = PlotSet.of(timeline, puzzle.answer());
        var grown = vm.plotsProperty().get();
        assertArrayEquals(whole.residualL().x(), grown.residualL().x());
        assertArrayEquals(whole.residualL().y(), grown.residualL().y());
        assertArrayEquals(whole.residualH().y(), grown.residualH().y());
        assertArrayEquals(whole.haltProbability().y(), grown.haltProbability().y());
        assertArrayEquals(whole.accuracy().y(), grown.accuracy().y());
        assertArrayEquals(whole.segmentEnds(), grown.segmentEnds());
        assertEquals(TimelineMarkers.of(timeline), vm.markersProperty().get());
        var first = plots.get(1);
        assertEquals(1, plots.get(0).updates());
        assertTrue(first.residualL().size() < grown.residualL().size());
        assertEquals(first.residualL().size(), first.residualL().x().length, "a snapshot keeps its own length");
        assertEquals(TimelineMarkers.of(timeline.subList(0, 1 + 17)).size(), marks.get(1).size(),
                "a snapshot keeps its own marks");
        var lastMarks = vm.markersProperty().get();
        vm.rerun();
        assertFalse(vm.plotsProperty().get().continues(grown), "a new run starts new plot data");
        assertFalse(((TimelineMarkers.Snapshot) vm.markersProperty().get()).continues(lastMarks));
    }

    private static void assertSameBoard(BoardSnapshot expected, BoardSnapshot actual, String where) {
        assertEquals(expected.getClass(), actual.getClass(), where);
        assertEquals(expected.summary(), actual.summary(), where);
        if (expected instanceof BoardSnapshot.Sudoku e) {
            var a = (BoardSnapshot.Sudoku) actual;
            assertArrayEquals(e.board().digits(), a.board().digits(), where);
            assertArrayEquals(e.board().changed(), a.board().changed(), where);
            assertArrayEquals(e.board().backtracks(), a.board().backtracks(), where);
            assertArrayEquals(e.board().confidence(), a.board().confidence(), where);
        } else if (expected instanceof BoardSnapshot.Maze e) {
            var a = (BoardSnapshot.Maze) actual;
            assertArrayEquals(e.board().path(), a.board().path(), where);
            assertArrayEquals(e.board().added(), a.board().added(), where);
            assertArrayEquals(e.board().fade(), a.board().fade(), where);
        } else {
            assertInstanceOf(BoardSnapshot.Empty.class, actual, where);
        }
    }
}
