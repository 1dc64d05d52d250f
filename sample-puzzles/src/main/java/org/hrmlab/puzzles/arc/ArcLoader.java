package org.hrmlab.puzzles.arc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hrmlab.puzzles.ArcPair;
import org.hrmlab.puzzles.ArcTask;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.LoadResult;
import org.hrmlab.puzzles.PuzzleFormatException;

/**
 * Reads ARC-AGI-1 and ARC-AGI-2 task files: {@code {"train": [{"input": grid, "output": grid}, ...], "test": [...]}}
 * where a grid is a list of 1 to 30 rows of 1 to 30 ints 0-9. Test outputs may be missing (hidden); train outputs may
 * not. Errors name the file and the JSON path of the offending value.
 */
public final class ArcLoader {
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private ArcLoader() {
    }

    /**
     * Reads one task; its id is the file name without {@code .json}.
     *
     * @throws PuzzleFormatException if the file is not a well-formed ARC task
     */
    public static ArcTask read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String id = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, id, file.toString());
        }
    }

    /**
     * Reads one task from a stream (not closed), with Jackson's streaming parser.
     *
     * @param id     the task id
     * @param source the name for error messages
     */
    public static ArcTask read(InputStream in, String id, String source) throws IOException {
        try (JsonParser p = JSON_FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PuzzleFormatException(source, "$", "an ARC task must be a JSON object with 'train' and 'test'");
            }
            List<ArcPair> train = null;
            List<ArcPair> test = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("train")) {
                    train = pairs(p, "$.train", true, source);
                } else if (key.equals("test")) {
                    test = pairs(p, "$.test", false, source);
                } else {
                    p.skipChildren();
                }
            }
            if (train == null) {
                throw new PuzzleFormatException(source, "$.train", "missing or not a list");
            }
            if (test == null) {
                throw new PuzzleFormatException(source, "$.test", "missing or not a list");
            }
            return new ArcTask(id, train, test);
        } catch (JsonProcessingException e) {
            throw new PuzzleFormatException(source, "line " + e.getLocation().getLineNr(), "not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    /**
     * Reads every {@code *.json} file of a folder (not recursive), sorted by task id. Bad files do not stop the
     * others: they are listed in the result's failures.
     */
    public static LoadResult<ArcTask> readDirectory(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(files::add);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<ArcTask> tasks = new ArrayList<>(files.size());
        List<PuzzleFormatException> bad = new ArrayList<>();
        for (Path f : files) {
            try {
                tasks.add(read(f));
            } catch (PuzzleFormatException e) {
                bad.add(e);
            }
        }
        return new LoadResult<>(tasks, bad);
    }

    private static List<ArcPair> pairs(JsonParser p, String path, boolean needOutput, String source)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new PuzzleFormatException(source, path, "missing or not a list");
        }
        List<ArcPair> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String at = path + "[" + out.size() + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new PuzzleFormatException(source, at, "a pair must be an object with 'input' and 'output'");
            }
            Grid input = null;
            Grid output = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("input")) {
                    input = grid(p, at + ".input", source);
                } else if (key.equals("output") && p.currentToken() != JsonToken.VALUE_NULL) {
                    output = grid(p, at + ".output", source);
                } else {
                    p.skipChildren();
                }
            }
            if (input == null) {
                throw new PuzzleFormatException(source, at + ".input", "missing or not a list of rows");
            }
            if (output == null && needOutput) {
                throw new PuzzleFormatException(source, at + ".output", "missing");
            }
            out.add(new ArcPair(input, output));
        }
        if (out.isEmpty()) {
            throw new PuzzleFormatException(source, path, "no pairs");
        }
        return out;
    }

    private static Grid grid(JsonParser p, String path, String source) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new PuzzleFormatException(source, path, "missing or not a list of rows");
        }
        int[] cells = new int[ArcPair.MAX_SIDE * ArcPair.MAX_SIDE];
        int rows = 0;
        int cols = -1;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String rowPath = path + "[" + rows + "]";
            if (rows == ArcPair.MAX_SIDE) {
                throw new PuzzleFormatException(source, rowPath, "more than 30 rows; an ARC grid has 1 to 30");
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw new PuzzleFormatException(source, rowPath, "a row must be a list of colours");
            }
            int c = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (c == ArcPair.MAX_SIDE) {
                    throw new PuzzleFormatException(source, rowPath, "more than 30 columns; an ARC grid has 1 to 30");
                }
                int v = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                if (v < 0 || v > 9) {
                    String text = p.currentToken().isStructStart() ? "a list" : p.getText();
                    throw new PuzzleFormatException(source, rowPath + "[" + c + "]", "colour " + text
                            + " outside 0..9");
                }
                cells[rows * ArcPair.MAX_SIDE + c++] = v;
            }
            if (cols < 0) {
                cols = c;
                if (cols < 1) {
                    throw new PuzzleFormatException(source, rowPath, "0 columns; an ARC grid has 1 to 30");
                }
            } else if (c != cols) {
                throw new PuzzleFormatException(source, rowPath, "ragged grid: " + c + " cells, row 0 has " + cols);
            }
            rows++;
        }
        if (rows < 1) {
            throw new PuzzleFormatException(source, path, "0 rows; an ARC grid has 1 to 30");
        }
        int[] dense = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(cells, r * ArcPair.MAX_SIDE, dense, r * cols, cols);
        }
        return Grid.of(rows, cols, dense);
    }
}
