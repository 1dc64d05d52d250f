package org.hrmlab.app.puzzle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /** A 30x30 maze with loops, from a seeded generator. */
    public static LabPuzzle maze() {
        var input = generateMaze(30, 30, 7L);
        return new LabPuzzle("Maze: 30x30 with loops", PuzzleKind.MAZE, input, MazeCells.solve(input));
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
            case MAZE -> new LabPuzzle("Maze: new", kind, CellGrid.filled(12, 12, MazeCells.OPEN), CellGrid.EMPTY);
            case ARC -> new LabPuzzle("ARC: new", kind, CellGrid.filled(5, 5, 0), CellGrid.EMPTY);
        };
    }

    static CellGrid digits(String s) {
        return new CellGrid(9, 9, s.chars().map(ch -> ch - '0').toArray());
    }

    /** A perfect maze on odd cells (seeded depth-first carving) with some extra openings, S top-left, G bottom-right. */
    static CellGrid generateMaze(int rows, int cols, long seed) {
        var random = new Random(seed);
        int[] cells = new int[rows * cols];
        java.util.Arrays.fill(cells, MazeCells.WALL);
        int hr = (rows - 1) / 2;
        int hc = (cols - 1) / 2;
        boolean[] seen = new boolean[hr * hc];
        var stack = new ArrayList<int[]>();
        stack.add(new int[] {0, 0});
        seen[0] = true;
        cells[cols + 1] = MazeCells.OPEN;
        int[][] dirs = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        while (!stack.isEmpty()) {
            int[] cur = stack.get(stack.size() - 1);
            var options = new ArrayList<int[]>();
            for (int[] d : dirs) {
                int r = cur[0] + d[0];
                int c = cur[1] + d[1];
                if (r >= 0 && c >= 0 && r < hr && c < hc && !seen[r * hc + c]) {
                    options.add(new int[] {r, c});
                }
            }
            if (options.isEmpty()) {
                stack.remove(stack.size() - 1);
                continue;
            }
            int[] next = options.get(random.nextInt(options.size()));
            seen[next[0] * hc + next[1]] = true;
            cells[(2 * next[0] + 1) * cols + 2 * next[1] + 1] = MazeCells.OPEN;
            cells[(cur[0] + next[0] + 1) * cols + cur[1] + next[1] + 1] = MazeCells.OPEN;
            stack.add(next);
        }
        for (int k = 0; k < rows * cols / 25; k++) {
            int r = 1 + random.nextInt(rows - 2);
            int c = 1 + random.nextInt(cols - 2);
            boolean horizontal = cells[r * cols + c - 1] != MazeCells.WALL && cells[r * cols + c + 1] != MazeCells.WALL;
            boolean vertical = cells[(r - 1) * cols + c] != MazeCells.WALL && cells[(r + 1) * cols + c] != MazeCells.WALL;
            if (horizontal ^ vertical) {
                cells[r * cols + c] = MazeCells.OPEN;
            }
        }
        cells[cols + 1] = MazeCells.START;
        cells[(2 * hr - 1) * cols + 2 * hc - 1] = MazeCells.GOAL;
        return new CellGrid(rows, cols, cells);
    }
}
