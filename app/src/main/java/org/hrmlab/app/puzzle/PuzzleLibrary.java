package org.hrmlab.app.puzzle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hrmlab.app.shell.Notices;

/**
 * The puzzles the lab offers: the bundled samples, then every file or folder the user opened (read off the FX thread
 * by {@link PuzzleFiles}; a bad file is one notice naming it, and the list stays as it was).
 */
public final class PuzzleLibrary {
    private final ObservableList<LabPuzzle> puzzles = FXCollections.observableArrayList();
    private final Executor io;
    private final Executor fx;
    private final Notices notices;
    private final RecentFiles recent;

    public PuzzleLibrary(List<LabPuzzle> bundled, Executor io, Executor fx, Notices notices, RecentFiles recent) {
        this.io = io;
        this.fx = fx;
        this.notices = notices;
        this.recent = recent;
        puzzles.setAll(bundled);
    }

    /** @return the puzzles, bundled first (FX thread) */
    public ObservableList<LabPuzzle> puzzles() {
        return puzzles;
    }

    public RecentFiles recent() {
        return recent;
    }

    /**
     * Reads a puzzle file or folder and adds its puzzles; then hands the first one to {@code then} (may be null).
     */
    public void open(Path path, Consumer<LabPuzzle> then) {
        io.execute(() -> {
            try {
                List<LabPuzzle> read = PuzzleFiles.read(path);
                recent.addPuzzle(path);
                fx.execute(() -> {
                    puzzles.addAll(read);
                    notices.info("Opened " + read.size() + " puzzle" + (read.size() == 1 ? "" : "s") + " from "
                            + path.getFileName());
                    if (then != null && !read.isEmpty()) {
                        then.accept(read.get(0));
                    }
                });
            } catch (IOException | RuntimeException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                fx.execute(() -> notices.error(m.contains(path.getFileName().toString()) ? m : path + ": " + m));
            }
        });
    }
}
