package org.hrmlab.app.training.newrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.hrmlab.puzzles.ArcPair;
import org.hrmlab.puzzles.ArcPuzzle;
import org.hrmlab.puzzles.BundledPuzzles;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.codec.ArcCodec;

/**
 * The ARC-AGI tasks shipped with the lab, written as the task folders {@code hrmlab dataset build --kind arc} reads:
 * {@code training/} (all pairs train) and {@code evaluation/} (demonstrations train, test pairs test).
 */
final class BundledArcTasks {
    private BundledArcTasks() {
    }

    /** @return the bundled sets (e.g. {@code arc/0d3d703e}) whose grids all fit a {@code side x side} canvas */
    static List<String> fitting(int side) throws IOException {
        List<String> names = new ArrayList<>();
        for (BundledPuzzles.Entry e : BundledPuzzles.list()) {
            if (e.kind() == PuzzleKind.ARC && fits(((ArcPuzzle) BundledPuzzles.open(e.name(), 0)), side)) {
                names.add(e.name());
            }
        }
        return names;
    }

    /**
     * Writes {@code train} training and {@code test} held-out tasks, drawn at random from those that fit.
     *
     * @param dir  the folder to write {@code training/} and {@code evaluation/} into
     * @param side the canvas side
     * @param seed the draw's seed
     * @throws IllegalArgumentException when fewer tasks fit than asked for (one line)
     */
    static void write(Path dir, int side, int train, int test, long seed) throws IOException {
        List<String> names = fitting(side);
        if (train + test > names.size()) {
            throw new IllegalArgumentException(names.size() + " bundled ARC tasks fit a " + side + "x" + side
                    + " canvas: ask for at most " + names.size() + " training and held-out tasks together");
        }
        Collections.shuffle(names, new Random(seed));
        copy(names.subList(0, test), dir.resolve("evaluation"));
        copy(names.subList(test, test + train), dir.resolve("training"));
    }

    private static void copy(List<String> names, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : names) {
            String id = name.substring(name.indexOf('/') + 1);
            Files.writeString(folder.resolve(id + ".json"), BundledPuzzles.text(name));
        }
    }

    private static boolean fits(ArcPuzzle puzzle, int side) {
        ArcCodec canvas = ArcCodec.of(side);
        for (List<ArcPair> pairs : List.of(puzzle.task().train(), puzzle.task().test())) {
            for (ArcPair p : pairs) {
                for (Grid g : new Grid[] {p.input(), p.output()}) {
                    if (g != null && !canvas.fits(g.rows(), g.cols())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
