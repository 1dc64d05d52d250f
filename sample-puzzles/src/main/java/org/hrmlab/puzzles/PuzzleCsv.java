package org.hrmlab.puzzles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The four-column CSV layout of the reference's Sudoku-Extreme and Maze-Hard sets: a header line
 * {@code source,question,answer,rating}, then one puzzle per line. Fields never contain commas or quotes there;
 * surrounding double quotes are removed if present.
 */
public final class PuzzleCsv {
    /** The header line of the layout. */
    public static final String HEADER = "source,question,answer,rating";

    private PuzzleCsv() {
    }

    /**
     * One data row.
     *
     * @param index    0-based row index (the header not counted)
     * @param line     1-based line number in the file
     * @param source   first column
     * @param question second column
     * @param answer   third column
     * @param rating   fourth column, as text
     */
    public record Row(int index, int line, String source, String question, String answer, String rating) {
        /** @return the location text for error messages, e.g. {@code line 12 (row 10)} */
        public String where() {
            return "line " + line + " (row " + index + ")";
        }

        /**
         * @param file the name for error messages
         * @return the rating column as a whole number (a decimal is rounded), -1 when it is empty
         * @throws PuzzleFormatException if it is not a number
         */
        public long ratingValue(String file) throws PuzzleFormatException {
            if (rating.isEmpty()) {
                return -1;
            }
            try {
                return Long.parseLong(rating);
            } catch (NumberFormatException e) {
                try {
                    return Math.round(Double.parseDouble(rating));
                } catch (NumberFormatException e2) {
                    throw new PuzzleFormatException(file, where(), "rating '" + abbreviate(rating)
                            + "' is not a number");
                }
            }
        }
    }

    /** Turns one data row into a puzzle. */
    @FunctionalInterface
    public interface RowParser<T> {
        /** @throws PuzzleFormatException if the row is not a valid puzzle */
        T parse(Row row) throws PuzzleFormatException;
    }

    /** Receives rows; return false to stop reading. */
    @FunctionalInterface
    public interface RowHandler {
        /** @return true to read on */
        boolean accept(Row row) throws PuzzleFormatException;
    }

    /** @return true if {@code firstLine} is this layout's header */
    public static boolean isHeader(String firstLine) {
        return firstLine != null && stripBom(firstLine).trim().replace(" ", "").equalsIgnoreCase(HEADER);
    }

    /**
     * Reads rows in order, checking the header and the column count.
     *
     * @param reader the text (not closed)
     * @param source the name for error messages
     * @param handler receives each row
     * @throws PuzzleFormatException if the header or a row's column count is wrong
     */
    public static void read(BufferedReader reader, String source, RowHandler handler) throws IOException {
        String header = reader.readLine();
        if (!isHeader(header)) {
            throw new PuzzleFormatException(source, "line 1", "expected the header '" + HEADER + "', found '"
                    + (header == null ? "" : abbreviate(header)) + "'");
        }
        int lineNo = 1;
        int index = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                throw new PuzzleFormatException(source, "line " + lineNo + " (row " + index + ")",
                        "expected 4 comma-separated columns, found " + f.length);
            }
            Row row = new Row(index++, lineNo, unquote(f[0]), unquote(f[1]), unquote(f[2]), unquote(f[3]).trim());
            if (!handler.accept(row)) {
                return;
            }
        }
    }

    /**
     * Reads and parses every row.
     *
     * @throws PuzzleFormatException on the first bad row (nothing is returned then)
     */
    public static <T> List<T> readPuzzles(BufferedReader reader, String source, RowParser<T> parser)
            throws IOException {
        List<T> puzzles = new ArrayList<>();
        read(reader, source, row -> puzzles.add(parser.parse(row)));
        return puzzles;
    }

    /**
     * Reads up to row {@code index} (0-based, the header not counted) and parses that row only.
     *
     * @throws PuzzleFormatException if that row is bad or the file has fewer rows
     */
    public static <T> T readPuzzle(BufferedReader reader, String source, int index, RowParser<T> parser)
            throws IOException {
        List<T> found = new ArrayList<>(1);
        int[] rows = {0};
        read(reader, source, row -> {
            rows[0]++;
            if (row.index() != index) {
                return true;
            }
            found.add(parser.parse(row));
            return false;
        });
        if (found.isEmpty()) {
            throw new PuzzleFormatException(source, "#" + index, "no such row (the file has " + rows[0] + " rows)");
        }
        return found.get(0);
    }

    /** @return every row */
    public static List<Row> readAll(BufferedReader reader, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        read(reader, source, r -> rows.add(r));
        return rows;
    }

    /** Writes the header line. */
    public static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
    }

    /** Writes one row. */
    public static void writeRow(Writer out, String source, String question, String answer, long rating)
            throws IOException {
        out.write(source + "," + question + "," + answer + "," + rating + "\n");
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** @return the text cut to 40 characters for messages */
    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
