package org.hrmlab.puzzles.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoLeftovers() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        AtomicFiles.write(dir.resolve("sub/b.txt"), out -> out.write('x'));
        assertEquals("x", Files.readString(dir.resolve("sub/b.txt")));
    }
}
