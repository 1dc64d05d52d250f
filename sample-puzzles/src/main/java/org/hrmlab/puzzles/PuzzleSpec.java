package org.hrmlab.puzzles;

/**
 * A parsed puzzle argument ({@code --puzzle FILE[#INDEX]}, or {@code bundled:NAME[#INDEX]}).
 *
 * @param location the file path or bundled set name
 * @param bundled  true for the {@code bundled:} scheme
 * @param index    the {@code #k} selector (ARC test input or CSV/line row), or -1 when absent
 */
public record PuzzleSpec(String location, boolean bundled, int index) {
    /** The scheme of puzzles shipped in the jar. */
    public static final String BUNDLED = "bundled:";

    /**
     * @param spec e.g. {@code data/task.json#1}, {@code sudoku.csv}, {@code bundled:sudoku/hard#2}
     * @return the parts; a {@code #} followed by anything but digits stays part of the location
     */
    public static PuzzleSpec parse(String spec) {
        String s = spec.trim();
        boolean bundled = s.startsWith(BUNDLED);
        if (bundled) {
            s = s.substring(BUNDLED.length());
        }
        int hash = s.lastIndexOf('#');
        int index = -1;
        if (hash >= 0 && hash + 1 < s.length() && s.substring(hash + 1).chars().allMatch(Character::isDigit)
                && s.length() - hash <= 10) {
            index = Integer.parseInt(s.substring(hash + 1));
            s = s.substring(0, hash);
        }
        return new PuzzleSpec(s, bundled, index);
    }

    /** @return the index, or 0 when absent */
    public int indexOrZero() {
        return Math.max(0, index);
    }

    @Override
    public String toString() {
        return (bundled ? BUNDLED : "") + location + (index >= 0 ? "#" + index : "");
    }
}
