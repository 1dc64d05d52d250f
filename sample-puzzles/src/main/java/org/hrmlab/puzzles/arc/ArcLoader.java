package org.hrmlab.puzzles.arc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
     * Reads one task from a stream (not closed).
     *
     * @param id     the task id
     * @param source the name for error messages
     */
    public static ArcTask read(InputStream in, String id, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new PuzzleFormatException(source, "line " + e.getLocation().getLineNr(), "not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PuzzleFormatException(source, "$", "an ARC task must be a JSON object with 'train' and 'test'");
        }
        List<ArcPair> train = pairs(root, "train", true, source);
        List<ArcPair> test = pairs(root, "test", false, source);
        return new ArcTask(id, train, test);
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

    private static List<ArcPair> pairs(JsonNode root, String key, boolean needOutput, String source)
            throws PuzzleFormatException {
        JsonNode list = root.get(key);
        String path = "$." + key;
        if (list == null || !list.isArray()) {
            throw new PuzzleFormatException(source, path, "missing or not a list");
        }
        if (list.isEmpty()) {
            throw new PuzzleFormatException(source, path, "no pairs");
        }
        List<ArcPair> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode pair = list.get(i);
            String at = path + "[" + i + "]";
            if (!pair.isObject()) {
                throw new PuzzleFormatException(source, at, "a pair must be an object with 'input' and 'output'");
            }
            Grid input = grid(pair.get("input"), at + ".input", source);
            JsonNode o = pair.get("output");
            Grid output = null;
            if (o != null && !o.isNull()) {
                output = grid(o, at + ".output", source);
            } else if (needOutput) {
                throw new PuzzleFormatException(source, at + ".output", "missing");
            }
            out.add(new ArcPair(input, output));
        }
        return out;
    }

    private static Grid grid(JsonNode node, String path, String source) throws PuzzleFormatException {
        if (node == null || !node.isArray()) {
            throw new PuzzleFormatException(source, path, "missing or not a list of rows");
        }
        int rows = node.size();
        if (rows < 1 || rows > ArcPair.MAX_SIDE) {
            throw new PuzzleFormatException(source, path, rows + " rows; an ARC grid has 1 to 30");
        }
        int cols = -1;
        int[] cells = null;
        for (int r = 0; r < rows; r++) {
            JsonNode row = node.get(r);
            String rowPath = path + "[" + r + "]";
            if (!row.isArray()) {
                throw new PuzzleFormatException(source, rowPath, "a row must be a list of colours");
            }
            if (cols < 0) {
                cols = row.size();
                if (cols < 1 || cols > ArcPair.MAX_SIDE) {
                    throw new PuzzleFormatException(source, rowPath, cols + " columns; an ARC grid has 1 to 30");
                }
                cells = new int[rows * cols];
            } else if (row.size() != cols) {
                throw new PuzzleFormatException(source, rowPath, "ragged grid: " + row.size() + " cells, row 0 has "
                        + cols);
            }
            for (int c = 0; c < cols; c++) {
                JsonNode v = row.get(c);
                if (!v.isInt() || v.intValue() < 0 || v.intValue() > 9) {
                    throw new PuzzleFormatException(source, rowPath + "[" + c + "]", "colour " + v
                            + " outside 0..9");
                }
                cells[r * cols + c] = v.intValue();
            }
        }
        return Grid.of(rows, cols, cells);
    }
}
