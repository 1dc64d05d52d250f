package org.hrmlab.puzzles;

/** The three puzzle families of the HRM paper. */
public enum PuzzleKind {
    /** Sudoku (9x9 as in Sudoku-Extreme; 4x4 and 6x6 for quick experiments). */
    SUDOKU("Sudoku"),
    /** A maze with one start and one goal; the answer marks the shortest path. */
    MAZE("Maze"),
    /** One test input of an ARC-AGI task, with the task's demonstration pairs. */
    ARC("ARC");

    private final String label;

    PuzzleKind(String label) {
        this.label = label;
    }

    /** @return the name shown to people: {@code Sudoku}, {@code Maze}, {@code ARC} */
    public String label() {
        return label;
    }

    /** @return the lower-case name used on the command line and in file names */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param id {@code sudoku}, {@code maze} or {@code arc} (any case)
     * @return the kind
     * @throws IllegalArgumentException for any other text
     */
    public static PuzzleKind parse(String id) {
        for (PuzzleKind k : values()) {
            if (k.id().equalsIgnoreCase(id.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown puzzle kind '" + id + "' (expected sudoku, maze or arc)");
    }
}
