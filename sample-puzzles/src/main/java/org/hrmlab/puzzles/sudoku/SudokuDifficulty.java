package org.hrmlab.puzzles.sudoku;

import java.util.Locale;
import org.hrmlab.puzzles.SudokuShape;

/**
 * What a generated Sudoku must satisfy: a range for the number of givens, a range for the search effort
 * ({@link SudokuSolver}: extra branches of the reference MRV search), and whether its givens must be minimal.
 *
 * <p><b>Minimal</b> givens: the solution is unique and removing any one given loses uniqueness (no given is
 * redundant). Generated 9x9 ones have 21-28 givens (median 24) and a median effort of about 35 (1,000 puzzles).
 *
 * @param minGivens fewest givens allowed
 * @param maxGivens most givens allowed
 * @param minEffort least effort allowed
 * @param maxEffort most effort allowed ({@link Long#MAX_VALUE} for no limit)
 * @param minimal   true if no given may be removable
 */
public record SudokuDifficulty(int minGivens, int maxGivens, long minEffort, long maxEffort, boolean minimal) {
    /** The flag that asks for minimal givens, alone or in a range list. */
    public static final String MINIMAL = "minimal";

    /** Checks the ranges. */
    public SudokuDifficulty {
        if (minGivens < 0 || maxGivens < minGivens || minEffort < 0 || maxEffort < minEffort) {
            throw new IllegalArgumentException("empty difficulty range: givens " + minGivens + ".." + maxGivens
                    + ", effort " + minEffort + ".." + maxEffort);
        }
    }

    /** Ranges only: givens need not be minimal. */
    public SudokuDifficulty(int minGivens, int maxGivens, long minEffort, long maxEffort) {
        this(minGivens, maxGivens, minEffort, maxEffort, false);
    }

    /**
     * Named presets, scaled by board area (figures for 9x9):
     * {@code easy} 36-45 givens, effort 0; {@code medium} 28-35 givens; {@code hard} at most 27 givens, effort at least 5;
     * {@code extreme} at most 26 givens, effort at least 50 (9x9 only; smaller boards fall back to {@code hard});
     * {@code minimal} any number of givens and any effort, but minimal givens (unique, none removable).
     *
     * @param name  easy, medium, hard, extreme or minimal
     * @param shape the board
     * @return the preset
     */
    public static SudokuDifficulty preset(String name, SudokuShape shape) {
        int cells = shape.cells();
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "easy" -> new SudokuDifficulty(scale(36, cells), scale(45, cells), 0, 0);
            case "medium" -> new SudokuDifficulty(scale(28, cells), scale(35, cells), 0, Long.MAX_VALUE);
            case "hard" -> new SudokuDifficulty(scale(17, cells), scale(27, cells), shape.size() == 9 ? 5 : 0,
                    Long.MAX_VALUE);
            case "extreme" -> shape.size() == 9 ? new SudokuDifficulty(17, 26, 50, Long.MAX_VALUE)
                    : new SudokuDifficulty(0, scale(27, cells), 0, Long.MAX_VALUE);
            case MINIMAL -> new SudokuDifficulty(0, cells, 0, Long.MAX_VALUE, true);
            default -> throw new IllegalArgumentException("unknown Sudoku difficulty '" + name
                    + "' (easy, medium, hard, extreme, minimal, or givens=A..B,effort=C..D[,minimal])");
        };
    }

    /**
     * Parses a preset name or an explicit list such as {@code givens=22..26,effort=10..} (either bound may be left
     * out; a single number means exactly that value), in which the flag {@code minimal} may stand as a part of its
     * own: {@code givens=22..24,minimal} asks for minimal givens, 22 to 24 of them.
     *
     * @throws IllegalArgumentException with a one-line reason if the text is not understood
     */
    public static SudokuDifficulty parse(String text, SudokuShape shape) {
        String t = text.trim();
        if (!t.contains("=") && !t.contains(",")) {
            return preset(t, shape);
        }
        int minG = 0;
        int maxG = shape.cells();
        long minE = 0;
        long maxE = Long.MAX_VALUE;
        boolean minimal = false;
        for (String part : t.split(",", -1)) {
            if (part.trim().equalsIgnoreCase(MINIMAL)) {
                minimal = true;
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("bad difficulty part '" + part.trim() + "' (givens=A..B, "
                        + "effort=C..D or minimal; presets such as easy stand alone)");
            }
            long[] range = parseRange(kv[1].trim(), part);
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "givens" -> {
                    minG = (int) Math.max(0, range[0]);
                    maxG = (int) Math.min(shape.cells(), range[1]);
                }
                case "effort" -> {
                    minE = range[0];
                    maxE = range[1];
                }
                default -> throw new IllegalArgumentException("unknown difficulty key '" + kv[0].trim()
                        + "' (givens, effort)");
            }
        }
        return new SudokuDifficulty(minG, maxG, minE, maxE, minimal);
    }

    /** @return true if a puzzle with these figures qualifies */
    public boolean accepts(int givens, long effort) {
        return givens >= minGivens && givens <= maxGivens && effort >= minEffort && effort <= maxEffort;
    }

    private static int scale(int nineByNine, int cells) {
        return (int) Math.round(nineByNine * cells / 81.0);
    }

    static long[] parseRange(String s, String part) {
        try {
            if (!s.contains("..")) {
                long v = Long.parseLong(s);
                return new long[] {v, v};
            }
            String[] ab = s.split("\\.\\.", -1);
            long a = ab[0].isEmpty() ? 0 : Long.parseLong(ab[0].trim());
            long b = ab[1].isEmpty() ? Long.MAX_VALUE : Long.parseLong(ab[1].trim());
            return new long[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad range in difficulty part '" + part + "'");
        }
    }
}
