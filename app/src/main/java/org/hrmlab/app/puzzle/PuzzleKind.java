package org.hrmlab.app.puzzle;

/** The puzzle families the lab can show. Cell values per kind are described on {@link LabPuzzle}. */
public enum PuzzleKind {
    SUDOKU("Sudoku"), MAZE("Maze"), ARC("ARC");

    private final String label;

    PuzzleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
