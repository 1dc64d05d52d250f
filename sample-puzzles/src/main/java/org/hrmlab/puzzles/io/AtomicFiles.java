package org.hrmlab.puzzles.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Writing files so that readers see either the old file or the complete new one, never a half-written file. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** @return a fresh temporary path beside {@code target} (same folder, so the final rename is atomic) */
    public static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Body {
        void write(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary file beside it that is renamed into place when {@code body} has
     * finished, and removed if it fails: readers never see a partial file, and a failed write leaves the old one.
     */
    public static void write(Path target, Body body) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.write(out);
            }
            commit(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames {@code tmp} onto {@code target}, replacing it atomically. */
    public static void commit(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
