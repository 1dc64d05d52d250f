package org.hrmlab.puzzles;

/**
 * The geometry of an N x N Sudoku: boxes of {@code boxRows x boxCols} cells with {@code boxRows * boxCols = N}.
 * Standard shapes: 4x4 (2x2 boxes), 6x6 (2x3 boxes), 9x9 (3x3 boxes).
 *
 * @param size    N, the side length and the number of digits (2..16)
 * @param boxRows rows per box
 * @param boxCols columns per box
 */
public record SudokuShape(int size, int boxRows, int boxCols) {
    /** The classic 9x9 Sudoku. */
    public static final SudokuShape NINE = new SudokuShape(9, 3, 3);
    /** 6x6 with boxes of 2 rows by 3 columns. */
    public static final SudokuShape SIX = new SudokuShape(6, 2, 3);
    /** 4x4 with 2x2 boxes. */
    public static final SudokuShape FOUR = new SudokuShape(4, 2, 2);

    /** Checks the geometry. */
    public SudokuShape {
        if (size < 2 || size > 16 || boxRows < 1 || boxCols < 1 || boxRows * boxCols != size) {
            throw new IllegalArgumentException("bad Sudoku shape " + size + " with " + boxRows + "x" + boxCols
                    + " boxes");
        }
    }

    /**
     * @param size N
     * @return the shape with the most square boxes, rows &lt;= columns (4 -&gt; 2x2, 6 -&gt; 2x3, 9 -&gt; 3x3)
     * @throws IllegalArgumentException if N has no box factorisation other than 1 x N (a prime N), or is out of range
     */
    public static SudokuShape of(int size) {
        int best = 1;
        for (int r = 1; r * r <= size; r++) {
            if (size % r == 0) {
                best = r;
            }
        }
        if (best == 1) {
            throw new IllegalArgumentException("no Sudoku box shape for size " + size);
        }
        return new SudokuShape(size, best, size / best);
    }

    /**
     * @param cells the number of cells of a square board
     * @return the shape whose {@code size * size == cells}, or {@code null} if none
     */
    public static SudokuShape forCellCount(int cells) {
        int n = (int) Math.round(Math.sqrt(cells));
        if (n * n != cells || n < 4 || n > 16) {
            return null;
        }
        try {
            return of(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return {@code size * size} */
    public int cells() {
        return size * size;
    }

    /** @return the box index (row-major over boxes) of cell (r, c) */
    public int box(int r, int c) {
        return (r / boxRows) * (size / boxCols) + c / boxCols;
    }

    /** @return e.g. {@code 9x9} */
    public String label() {
        return size + "x" + size;
    }
}
