package org.hrmlab.app.puzzle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The models and puzzle files a user opened last, newest first, at most {@link #MAX} of each: kept in the user's
 * preferences by the app, in memory for tests.
 */
public final class RecentFiles {
    /** How many of each kind are remembered. */
    public static final int MAX = 8;
    private final Preferences store;
    private final List<Path> models = new ArrayList<>();
    private final List<Path> puzzles = new ArrayList<>();

    private RecentFiles(Preferences store) {
        this.store = store;
        if (store != null) {
            read("models", models);
            read("puzzles", puzzles);
        }
    }

    /** @return the list kept in the user's preferences (survives restarts) */
    public static RecentFiles userPreferences() {
        return new RecentFiles(Preferences.userRoot().node("org/hrmlab/app/recent"));
    }

    /** @return a list kept in memory only */
    public static RecentFiles inMemory() {
        return new RecentFiles(null);
    }

    public synchronized List<Path> models() {
        return List.copyOf(models);
    }

    public synchronized List<Path> puzzles() {
        return List.copyOf(puzzles);
    }

    public synchronized void addModel(Path p) {
        add(models, p, "models");
    }

    public synchronized void addPuzzle(Path p) {
        add(puzzles, p, "puzzles");
    }

    private void add(List<Path> list, Path p, String key) {
        Path abs = p.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX) {
            list.remove(list.size() - 1);
        }
        if (store != null) {
            store.put(key, String.join("\n", list.stream().map(Path::toString).toList()));
        }
    }

    private void read(String key, List<Path> into) {
        for (String line : store.get(key, "").split("\n")) {
            if (!line.isBlank() && into.size() < MAX) {
                into.add(Path.of(line));
            }
        }
    }
}
