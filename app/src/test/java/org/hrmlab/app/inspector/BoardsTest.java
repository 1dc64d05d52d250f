package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.engine.analysis.AnalysisSettings;
import org.hrmlab.puzzles.BundledPuzzles;
import org.hrmlab.viz.fx.TimelineMarker;
import org.hrmlab.viz.grid.HeatmapData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoardsTest {
    private static final LabPuzzle MAZE = new LabPuzzle("m", PuzzleKind.MAZE, path("S  ", "## ", "G  "),
            CellGrid.EMPTY);

    private static LabFrame frame(int index, CellGrid decoded, boolean segmentEnd, Verdict verdict) {
        return new LabFrame(index, index == 0 ? UpdateKind.INIT : index % 3 == 0 ? UpdateKind.H : UpdateKind.L,
                1, 1, 1, decoded, new float[0], HeatmapData.EMPTY, HeatmapData.EMPTY, 0.1, 0.2, 0, 0, segmentEnd,
                false, verdict);
    }

    /** Rows of {@code # SGo} as maze cell codes. */
    private static CellGrid path(String... rows) {
        int[] cells = String.join("", rows).chars().map(ch -> MazeCell.ofSymbol((char) ch).code()).toArray();
        return new CellGrid(rows.length, rows[0].length(), cells);
    }

    @Test
    void mazePathGrowthIsReadFromTheHistory() {
        var timeline = new ArrayList<LabFrame>();
        timeline.add(frame(0, path("S  ", "## ", "G  "), false, Verdict.WRONG));
        timeline.add(frame(1, path("Soo", "## ", "G  "), false, Verdict.WRONG));
        timeline.add(frame(2, path("So ", "## ", "G  "), false, Verdict.WRONG));
        var m = (BoardSnapshot.Maze) Boards.build(MAZE, timeline, 2);
        assertEquals(1, m.pathCells());
        assertEquals(0, m.added());
        assertEquals(1, m.removed());
        assertEquals(1f, m.board().fade()[2], 1e-6);
        assertFalse(m.connected());
        timeline.add(frame(3, path("Soo", "##o", "Goo"), true, Verdict.RIGHT));
        m = (BoardSnapshot.Maze) Boards.build(MAZE, timeline, 3);
        assertTrue(m.connected());
        assertEquals(1, m.components());
        assertEquals(4, m.added());
        assertArrayEquals(new boolean[] {false, true, true, false, false, true, false, true, true}, m.board().path());
    }

    private static LabPuzzle bundledSudoku(String set) throws Exception {
        return BundledLabPuzzles.from(BundledPuzzles.open(set, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sudoku/4x4-easy", "sudoku/6x6-medium", "sudoku/9x9-easy"})
    void sudokuReadingsHoldOnEveryBoardSize(String set) throws Exception {
        var p = bundledSudoku(set);
        int n = p.input().rows();
        var timeline = List.of(frame(0, CellGrid.filled(n, n, 1), false, Verdict.WRONG),
                frame(1, p.answer(), true, Verdict.RIGHT));

        var solved = (BoardSnapshot.Sudoku) Boards.build(p, timeline, 1);

        assertEquals(0, solved.conflicts(), set + ": a solved board has no conflicts");
        assertEquals(n, solved.board().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sudoku/4x4-easy", "sudoku/6x6-medium", "sudoku/9x9-easy"})
    void atUpdateZeroTheBoardShowsTheGivens(String set) throws Exception {
        var p = bundledSudoku(set);
        int n = p.input().rows();
        var timeline = List.of(frame(0, CellGrid.filled(n, n, 1), false, Verdict.WRONG));

        var start = (BoardSnapshot.Sudoku) Boards.build(p, timeline, 0);

        assertArrayEquals(p.input().cells(), start.board().digits(), "the givens, not the initial state's decode");
        assertArrayEquals(p.givens(), start.board().givens());
        assertEquals(0, start.conflicts());
        assertEquals(0, start.changed());
    }

    @Test
    void sudokuBacktracksUseTheAnalysisThreshold() throws Exception {
        var p = bundledSudoku("sudoku/4x4-easy");
        int blank = 0;
        while (p.input().at(blank) != 0) {
            blank++;
        }
        int right = p.answer().at(blank);
        int wrong = right % 4 + 1;
        var held = p.answer().with(blank, wrong);
        var timeline = List.of(frame(0, CellGrid.filled(4, 4, 1), false, Verdict.WRONG),
                frame(1, held, false, Verdict.WRONG), frame(2, held, false, Verdict.WRONG),
                frame(3, p.answer(), true, Verdict.RIGHT));
        int stable = AnalysisSettings.defaults().backtrackStableSteps();

        var s = (BoardSnapshot.Sudoku) Boards.build(p, timeline, 3);

        assertEquals(2, stable, "a digit held " + stable + " updates, then replaced");
        assertEquals(1, s.backtracks(), "the lab counts what hrmlab analyze counts");
        assertTrue(s.board().backtracks()[blank]);
    }

    @Test
    void markersNameHaltSegmentEndsAndTheFirstRightAnswer() {
        var g = CellGrid.filled(1, 1, 0);
        var timeline = new ArrayList<>(List.of(frame(0, g, false, Verdict.WRONG), frame(1, g, false, Verdict.WRONG),
                frame(2, g, false, Verdict.RIGHT), frame(3, g, true, Verdict.RIGHT)));
        var last = timeline.get(3);
        timeline.set(3, new LabFrame(3, UpdateKind.H, 1, 1, 0, g, new float[0], HeatmapData.EMPTY, HeatmapData.EMPTY,
                Double.NaN, 0.1, 1, 0, true, true, last.verdict()));
        var markers = TimelineMarkers.of(timeline);
        assertEquals(List.of(new TimelineMarker(2, TimelineMarker.Kind.FIRST_CORRECT),
                new TimelineMarker(3, TimelineMarker.Kind.SEGMENT_END),
                new TimelineMarker(3, TimelineMarker.Kind.HALT)), markers);
        assertEquals(2, TimelineMarkers.firstCorrect(timeline));
    }

    @Test
    void emptyWhenThereIsNothingToShow() {
        assertInstanceOf(BoardSnapshot.Empty.class, Boards.build(null, List.of(), 0));
        assertInstanceOf(BoardSnapshot.Empty.class, Boards.build(MAZE, List.of(), 0));
    }
}
