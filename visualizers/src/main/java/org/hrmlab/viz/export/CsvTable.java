package org.hrmlab.viz.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table with a header row, written as RFC 4180 CSV (comma-separated, quoted where needed, numbers in Java's
 * shortest round-trip form so a re-run can be compared byte for byte).
 */
public final class CsvTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param header the column names */
    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    /** @return the column names */
    public List<String> header() {
        return header;
    }

    /** @return the number of data rows */
    public int rowCount() {
        return rows.size();
    }

    /**
     * Appends a row; numbers are written in round-trip form, NaN as an empty cell, booleans as true/false.
     *
     * @return this table
     * @throws IllegalArgumentException if the row does not have one value per column
     */
    public CsvTable add(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has " + header.size()
                    + " columns");
        }
        List<String> row = new ArrayList<>(values.length);
        for (Object v : values) {
            row.add(format(v));
        }
        rows.add(row);
        return this;
    }

    /** Writes the table atomically. */
    public void write(Path file) throws IOException {
        FigureExporter.writeAtomically(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeRow(w, header);
            for (List<String> row : rows) {
                writeRow(w, row);
            }
            w.flush();
        });
    }

    private static void writeRow(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(i)));
        }
        w.write('\n');
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "" : d.toString();
        }
        if (v instanceof Float f) {
            return f.isNaN() ? "" : f.toString();
        }
        return v.toString();
    }
}
