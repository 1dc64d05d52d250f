package org.hrmlab.puzzles.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrmlab.puzzles.PuzzleFormatException;

/**
 * A dataset folder in the reference layout, opened for reading: {@code identifiers.json} (optional; the reference
 * Sudoku and maze builders write {@code ["<blank>"]}) and the {@code train} and {@code test} splits that exist.
 */
public final class ReferenceDataset {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final List<String> identifiers;
    private final Map<String, DatasetSplit> splits;

    private ReferenceDataset(Path dir, List<String> identifiers, Map<String, DatasetSplit> splits) {
        this.dir = dir;
        this.identifiers = identifiers;
        this.splits = splits;
    }

    /**
     * Opens a dataset folder.
     *
     * @throws PuzzleFormatException if a file is missing, malformed or inconsistent (message names it)
     */
    public static ReferenceDataset open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new PuzzleFormatException(dir.toString(), null, "not a dataset folder");
        }
        List<String> ids = List.of();
        Path idFile = dir.resolve("identifiers.json");
        if (Files.exists(idFile)) {
            try {
                ids = List.of(JSON.readValue(idFile.toFile(), String[].class));
            } catch (JsonProcessingException e) {
                throw new PuzzleFormatException(idFile.toString(), null, "not a JSON list of strings");
            }
        }
        Map<String, DatasetSplit> splits = new HashMap<>();
        for (String split : List.of("train", "test")) {
            Path meta = dir.resolve(split).resolve("dataset.json");
            if (!Files.exists(meta)) {
                continue;
            }
            DatasetMetadata m;
            try {
                m = JSON.readValue(meta.toFile(), DatasetMetadata.class);
            } catch (JsonProcessingException e) {
                throw new PuzzleFormatException(meta.toString(), null, "not a dataset.json: "
                        + e.getOriginalMessage());
            }
            splits.put(split, DatasetSplit.open(dir.resolve(split), m.sets().get(0), m));
        }
        if (splits.isEmpty()) {
            throw new PuzzleFormatException(dir.toString(), null, "no train/dataset.json or test/dataset.json");
        }
        return new ReferenceDataset(dir, ids, splits);
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /** @return {@code identifiers.json}: index = puzzle identifier (empty if the file is absent) */
    public List<String> identifiers() {
        return identifiers;
    }

    /** @return the identifier's name, e.g. {@code 007bbfb7_t3_0381952746}, or {@code "<id N>"} if unknown */
    public String identifierName(int id) {
        return id >= 0 && id < identifiers.size() ? identifiers.get(id) : "<id " + id + ">";
    }

    /** @return the split ({@code train} or {@code test}), if present */
    public Optional<DatasetSplit> split(String name) {
        return Optional.ofNullable(splits.get(name));
    }

    /** @return the names of the splits present */
    public List<String> splitNames() {
        List<String> out = new ArrayList<>();
        for (String s : List.of("train", "test")) {
            if (splits.containsKey(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
