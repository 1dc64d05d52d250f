package org.hrmlab.app.puzzle;

import java.util.List;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.maze.MazeDifficulty;
import org.hrmlab.puzzles.maze.MazeGenerator;

/** A few bundled demo puzzles, available before any dataset is opened. Deterministic. */
public final class SamplePuzzles {
    private static final String SUDOKU_EASY =
            "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
    private static final String SUDOKU_EASY_ANSWER =
            "534678912672195348198342567859761423426853791713924856961537284287419635345286179";
    private static final String SUDOKU_HARD =
            "800000000003600000070090200050007000000045700000100030001000068008500010090000400";
    private static final String SUDOKU_HARD_ANSWER =
            "812753649943682175675491283154237896369845721287169534521974368438526917796318452";

    private SamplePuzzles() {
    }

    /** All bundled puzzles, in menu order. */
    public static List<LabPuzzle> all() {
        return List.of(sudoku(), hardSudoku(), maze(), arcMirror());
    }

    public static LabPuzzle sudoku() {
        return new LabPuzzle("Sudoku: classic", PuzzleKind.SUDOKU, digits(SUDOKU_EASY), digits(SUDOKU_EASY_ANSWER));
    }

    public static LabPuzzle hardSudoku() {
        return new LabPuzzle("Sudoku: Arto Inkala's hardest", PuzzleKind.SUDOKU, digits(SUDOKU_HARD),
                digits(SUDOKU_HARD_ANSWER));
    }

    /** A 30x30 maze with loops and a long unique shortest path (Maze-Hard's length), from the seeded generator. */
    public static LabPuzzle maze() {
        return BundledLabPuzzles.from(new MazeGenerator(30, 30, 7L).next("Maze: 30x30 with loops",
                MazeDifficulty.preset("hard", 30, 30)));
    }

    /** A 6x6 ARC-style task: mirror the picture left to right. */
    public static LabPuzzle arcMirror() {
        int[] in = {
            0, 0, 0, 0, 0, 0,
            0, 2, 2, 0, 0, 0,
            0, 2, 1, 1, 0, 0,
            0, 0, 1, 4, 0, 0,
            0, 0, 0, 4, 4, 8,
            3, 0, 0, 0, 0, 8,
        };
        int[] out = new int[36];
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 6; c++) {
                out[r * 6 + c] = in[r * 6 + (5 - c)];
            }
        }
        return new LabPuzzle("ARC: mirror", PuzzleKind.ARC, new CellGrid(6, 6, in), new CellGrid(6, 6, out));
    }

    /** A blank puzzle of {@code kind}, for the editor. */
    public static LabPuzzle blank(PuzzleKind kind) {
        return switch (kind) {
            case SUDOKU -> new LabPuzzle("Sudoku: new", kind, CellGrid.filled(9, 9, 0), CellGrid.EMPTY);
            case MAZE -> new LabPuzzle("Maze: new", kind, CellGrid.filled(12, 12, MazeCell.OPEN.code()),
                    CellGrid.EMPTY);
            case ARC -> new LabPuzzle("ARC: new", kind, CellGrid.filled(5, 5, 0), CellGrid.EMPTY);
        };
    }

    static CellGrid digits(String s) {
        return new CellGrid(9, 9, s.chars().map(ch -> ch - '0').toArray());
    }
}
