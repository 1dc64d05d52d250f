package org.hrmlab.puzzles;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The curated puzzles shipped on the class path under {@code org/hrmlab/puzzles/data/}: graded generated Sudokus
 * (4x4, 6x6, 9x9 easy/medium/hard/extreme), hard real Sudokus from the tdoku sets (BSD-2-Clause, notice beside
 * them), generated mazes (9x9, 15x15, 30x30 Maze-Hard-like) and a selection of real ARC-AGI tasks (Apache-2.0,
 * licence and attribution beside them). {@code index.json} lists the sets; each set is one file that
 * {@link PuzzleSources} can read. Names look like {@code sudoku/easy}, {@code maze/30x30-hard}, {@code arc/007bbfb7}.
 */
public final class BundledPuzzles {
    private static final String ROOT = "/org/hrmlab/puzzles/data/";
    private static final Map<String, List<Puzzle>> CACHE = new ConcurrentHashMap<>();
    private static volatile List<Entry> index;

    private BundledPuzzles() {
    }

    /**
     * One shipped set.
     *
     * @param name        e.g. {@code sudoku/hard}
     * @param kind        its puzzle family
     * @param file        the resource file, relative to the data folder
     * @param count       how many puzzles it holds
     * @param description one line for menus
     */
    public record Entry(String name, PuzzleKind kind, String file, int count, String description) {
    }

    private record IndexFile(List<Entry> sets) {
    }

    /** @return every shipped set, in menu order */
    public static List<Entry> list() {
        List<Entry> i = index;
        if (i == null) {
            try (InputStream in = BundledPuzzles.class.getResourceAsStream(ROOT + "index.json")) {
                if (in == null) {
                    throw new IllegalStateException("bundled puzzle index missing from the class path");
                }
                i = List.copyOf(new ObjectMapper().readValue(in, IndexFile.class).sets());
                index = i;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return i;
    }

    /** @return the set's entry, or throws naming the set */
    public static Entry entry(String name) throws PuzzleFormatException {
        for (Entry e : list()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new PuzzleFormatException(PuzzleSpec.BUNDLED + name, null, "no such bundled puzzle set");
    }

    /** @return every puzzle of a set */
    public static List<Puzzle> openAll(String name) throws IOException {
        List<Puzzle> cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        Entry e = entry(name);
        String file = e.file().substring(e.file().lastIndexOf('/') + 1);
        List<Puzzle> all = List.copyOf(PuzzleSources.parseAll(text(name), file, PuzzleSpec.BUNDLED + name));
        CACHE.put(name, all);
        return all;
    }

    /** @return the set's file as shipped (an ARC task's JSON, a CSV, a maze text), e.g. to write it to a folder */
    public static String text(String name) throws IOException {
        Entry e = entry(name);
        try (InputStream in = BundledPuzzles.class.getResourceAsStream(ROOT + e.file())) {
            if (in == null) {
                throw new PuzzleFormatException(PuzzleSpec.BUNDLED + name, null, "resource " + e.file() + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * @param name  the set
     * @param index which puzzle, 0-based
     * @return that puzzle
     */
    public static Puzzle open(String name, int index) throws IOException {
        List<Puzzle> all = openAll(name);
        if (index < 0 || index >= all.size()) {
            throw new PuzzleFormatException(PuzzleSpec.BUNDLED + name, "#" + index, "the set has " + all.size()
                    + " puzzles");
        }
        return all.get(index);
    }
}
