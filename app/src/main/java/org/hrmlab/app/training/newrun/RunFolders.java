package org.hrmlab.app.training.newrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** New run folders that never take over an existing one. */
final class RunFolders {
    private RunFolders() {
    }

    /**
     * Makes {@code parent/name}, or {@code name-2}, {@code name-3}, ... when that is taken (an empty folder is not).
     *
     * @return the folder made
     */
    static Path fresh(Path parent, String name) throws IOException {
        for (int n = 1; ; n++) {
            Path candidate = parent.resolve(n == 1 ? name : name + "-" + n);
            if (!Files.exists(candidate) || isEmptyFolder(candidate)) {
                return Files.createDirectories(candidate);
            }
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
