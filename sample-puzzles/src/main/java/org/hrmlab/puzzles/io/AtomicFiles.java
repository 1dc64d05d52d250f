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

    /** Renames {@code tmp} onto {@code target}, replacing it atomically. */
    public static void commit(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
