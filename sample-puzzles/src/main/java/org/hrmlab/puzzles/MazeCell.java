package org.hrmlab.puzzles;

/**
 * The cells of a maze and their characters in the Maze-Hard text layout {@code "# SGo"}. A maze {@link Grid} holds
 * the {@link #ordinal()} of each cell; the model token is {@code ordinal() + 1}.
 */
public enum MazeCell {
    /** {@code #}: impassable. */
    WALL('#'),
    /** space: open floor. */
    OPEN(' '),
    /** {@code S}: the start (exactly one). */
    START('S'),
    /** {@code G}: the goal (exactly one). */
    GOAL('G'),
    /** {@code o}: a floor cell on the shortest path (answers only). */
    PATH('o');

    private static final MazeCell[] VALUES = values();
    private final char symbol;

    MazeCell(char symbol) {
        this.symbol = symbol;
    }

    /** @return the character in maze text */
    public char symbol() {
        return symbol;
    }

    /** @return the code stored in a maze grid (the ordinal) */
    public int code() {
        return ordinal();
    }

    /** @return the cell for a grid code */
    public static MazeCell ofCode(int code) {
        return VALUES[code];
    }

    /** @return the cell for a character, or {@code null} if it is not one of {@code # SGo} */
    public static MazeCell ofSymbol(char c) {
        for (MazeCell m : VALUES) {
            if (m.symbol == c) {
                return m;
            }
        }
        return null;
    }

    /** @return true for cells a path may cross (everything but walls) */
    public boolean passable() {
        return this != WALL;
    }
}
