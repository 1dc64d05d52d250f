package org.hrmlab.viz.grid;

/** Sudoku constraint checks on a row-major board where 0 means blank. */
public final class SudokuRules {
    private SudokuRules() {
    }

    /** Side of a box for a board of side {@code size} (3 for 9), or {@code size} when it is not a square. */
    public static int boxSide(int size) {
        int b = (int) Math.round(Math.sqrt(size));
        return b * b == size ? b : size;
    }

    /**
     * Marks every filled cell that shares its digit with another cell in its row, column or box.
     *
     * @param digits row-major {@code size x size} digits, 0 = blank; not modified
     */
    public static boolean[] conflicts(int[] digits, int size) {
        if (digits.length != size * size) {
            throw new IllegalArgumentException("expected " + size * size + " cells, got " + digits.length);
        }
        int box = boxSide(size);
        boolean[] bad = new boolean[digits.length];
        for (int i = 0; i < digits.length; i++) {
            int d = digits[i];
            if (d == 0) {
                continue;
            }
            int r = i / size;
            int c = i % size;
            for (int j = i + 1; j < digits.length; j++) {
                if (digits[j] != d) {
                    continue;
                }
                int rj = j / size;
                int cj = j % size;
                boolean sameBox = r / box == rj / box && c / box == cj / box;
                if (r == rj || c == cj || sameBox) {
                    bad[i] = true;
                    bad[j] = true;
                }
            }
        }
        return bad;
    }

    /** Counts true flags. */
    public static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
