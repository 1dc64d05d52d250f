package org.hrmlab.viz.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code manifest.json} written beside exported figures: how they were made (program version, date, command
 * line, checkpoint SHA-256, config, puzzles, every setting, seed) and which files hold which figure and data.
 * Entries keep their insertion order; values are anything Jackson can write (records, maps, lists, numbers).
 */
public final class ExportManifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> entries = new LinkedHashMap<>();

    /**
     * Sets an entry.
     *
     * @return this manifest
     */
    public ExportManifest put(String key, Object value) {
        entries.put(key, value);
        return this;
    }

    /** @return the entries (a live view) */
    public Map<String, Object> entries() {
        return entries;
    }

    /** Writes the manifest atomically as indented JSON. */
    public void write(Path file) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(entries);
        FigureExporter.writeAtomically(file, out -> out.write(bytes));
    }
}
