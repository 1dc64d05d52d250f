package org.hrmlab.app.inspector;

import org.hrmlab.viz.grid.ArcBoard;
import org.hrmlab.viz.grid.MazeBoard;
import org.hrmlab.viz.grid.SudokuBoard;

/** What the grid panel draws at the cursor, with the task-specific readings (docs/analysis.md). */
public sealed interface BoardSnapshot {
    /** One-line readings for the status bar. */
    String summary();

    /** A Sudoku with its conflict and backtrack counts (backtracks counted up to the cursor). */
    record Sudoku(SudokuBoard board, int conflicts, int backtracks, int changed) implements BoardSnapshot {
        @Override
        public String summary() {
            return changed + " changed \u00b7 " + conflicts + " in conflict \u00b7 " + backtracks + " backtracks so far";
        }
    }

    /** A maze with the path's growth readings. */
    record Maze(MazeBoard board, int pathCells, int added, int removed, int components, boolean connected)
            implements BoardSnapshot {
        @Override
        public String summary() {
            return pathCells + " path cells (+" + added + " \u2212" + removed + ") \u00b7 " + components
                    + " pieces \u00b7 " + (connected ? "S\u2192G connected" : "S\u2192G not connected");
        }
    }

    /** An ARC prediction with its distance to the expected output (-1 when unknown). */
    record Arc(ArcBoard board, int distance) implements BoardSnapshot {
        @Override
        public String summary() {
            var p = board.predicted();
            return "prediction " + p.rows() + "\u00d7" + p.cols()
                    + (distance >= 0 ? " \u00b7 distance to target " + distance : "");
        }
    }

    /** Nothing to draw yet. */
    record Empty() implements BoardSnapshot {
        @Override
        public String summary() {
            return "";
        }
    }
}
