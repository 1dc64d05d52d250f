package org.hrmlab.puzzles.readings;

/** The cells of a Maze-Hard grid and their characters ({@code # SGo}). */
public enum MazeCell {
    /** A wall {@code '#'}. */
    WALL('#'),
    /** An open cell {@code ' '}. */
    OPEN(' '),
    /** The start {@code 'S'}. */
    START('S'),
    /** The goal {@code 'G'}. */
    GOAL('G'),
    /** A path cell {@code 'o'}. */
    PATH('o');

    private final char symbol;

    MazeCell(char symbol) {
        this.symbol = symbol;
    }

    /** @return the character in the text format */
    public char symbol() {
        return symbol;
    }

    /**
     * @param symbol a character of the text format, as an int
     * @throws IllegalArgumentException for any other character
     */
    public static MazeCell of(int symbol) {
        for (MazeCell c : values()) {
            if (c.symbol == symbol) {
                return c;
            }
        }
        throw new IllegalArgumentException("not a maze character: '" + (char) symbol + "' (" + symbol + ")");
    }
}
