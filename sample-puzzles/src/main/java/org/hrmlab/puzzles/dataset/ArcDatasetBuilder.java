package org.hrmlab.puzzles.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hrmlab.puzzles.ArcPair;
import org.hrmlab.puzzles.ArcTask;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.LoadResult;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.arc.ArcLoader;
import org.hrmlab.puzzles.codec.ArcAugmentation;
import org.hrmlab.puzzles.codec.ArcCodec;

/**
 * Builds an ARC dataset following the reference's {@code build_arc_dataset.py}:
 * <ul>
 * <li>Sources are folders like the ARC-AGI repositories' {@code data/}: each sub-folder of task files is one subset
 *     (a folder holding task files directly counts as a subset named after itself). Tasks of a subset named
 *     {@code evaluation} put their demonstration pairs in the train split and their test pairs in the test split;
 *     every other subset puts both in the train split.</li>
 * <li>Each task gets up to {@code aug} variants ({@link ArcAugmentation}: dihedral transform and colour permutation
 *     keeping 0), drawn at random and rejected when their content duplicates an earlier one, at most 5*aug draws.
 *     The task and its variants form one group; each has its own puzzle identifier, named {@code <task>} or
 *     {@code <task>_t<t>_<10 digits>} in {@code identifiers.json} (0 = {@code <blank>}); equal names share an id.</li>
 * <li>Train split examples get a random translation on the 30x30 canvas, except one randomly chosen example per
 *     puzzle, which stays at (0, 0); test split examples are always at (0, 0).</li>
 * </ul>
 * HRM Lab also builds on a smaller square canvas (the same rules on {@code canvas x canvas}); tasks with a grid that
 * does not fit are left out and listed.
 * The draws use {@link Random} with the given seed (the reference's numpy draws cannot be reproduced in Java).
 */
public final class ArcDatasetBuilder {
    private static final int RETRIES_FACTOR = 5;

    private ArcDatasetBuilder() {
    }

    private record Entry(ArcTask task, boolean evaluation, List<ArcAugmentation> variants) {
    }

    private record PairKey(Grid input, Grid output) {
    }

    /**
     * @param sources dataset folders (see above)
     * @param aug     variants per task (the reference uses 1000)
     * @param seed    seed of every random draw (the reference uses 42)
     * @param out     the dataset folder
     */
    public static DatasetSummary build(List<Path> sources, int aug, long seed, Path out) throws IOException {
        return build(sources, aug, seed, ArcCodec.SIDE, out);
    }

    /**
     * @param sources dataset folders (see above)
     * @param aug     variants per task (the reference uses 1000)
     * @param seed    seed of every random draw (the reference uses 42)
     * @param canvas  canvas side, 1..30 (the reference's is 30)
     * @param out     the dataset folder
     */
    public static DatasetSummary build(List<Path> sources, int aug, long seed, int canvas, Path out)
            throws IOException {
        ArcCodec codec = ArcCodec.of(canvas);
        Random rng = new Random(seed);
        List<String> skipped = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path source : sources) {
            for (Path subset : subsets(source)) {
                LoadResult<ArcTask> loaded = ArcLoader.readDirectory(subset);
                for (PuzzleFormatException e : loaded.failures()) {
                    skipped.add(e.getMessage());
                }
                List<ArcTask> tasks = new ArrayList<>(loaded.loaded());
                Collections.shuffle(tasks, rng);
                boolean eval = subset.getFileName().toString().equals("evaluation");
                for (ArcTask t : tasks) {
                    ArcTask usable = withLabelledTests(t, skipped);
                    if (usable != null && !fitsCanvas(usable, codec)) {
                        skipped.add(usable.id() + ": a grid is larger than the " + canvas + "x" + canvas
                                + " canvas; task left out");
                        usable = null;
                    }
                    if (usable != null) {
                        entries.add(new Entry(usable, eval, variants(usable, aug, rng)));
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new PuzzleFormatException(sources.toString(), null, "no ARC task files found");
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (ArcAugmentation a : e.variants()) {
                ids.putIfAbsent(name(e.task(), a), ids.size() + 1);
            }
        }
        int numIds = ids.size() + 1;
        Map<String, DatasetSummary.SplitCounts> counts = new LinkedHashMap<>();
        counts.put("train", writeSplit(out, "train", entries, ids, numIds, codec, rng));
        counts.put("test", writeSplit(out, "test", entries, ids, numIds, codec, rng));
        List<String> names = new ArrayList<>(numIds);
        names.add("<blank>");
        names.addAll(ids.keySet());
        DatasetSplitWriter.writeIdentifiers(out, names);
        return new DatasetSummary("arc", codec.seqLen(), codec.vocabSize(), numIds, counts, skipped);
    }

    private static boolean fitsCanvas(ArcTask task, ArcCodec codec) {
        for (List<ArcPair> list : List.of(task.train(), task.test())) {
            for (ArcPair p : list) {
                for (Grid g : new Grid[] {p.input(), p.output()}) {
                    if (g != null && !codec.fits(g.rows(), g.cols())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static DatasetSummary.SplitCounts writeSplit(Path out, String split, List<Entry> entries,
            Map<String, Integer> ids, int numIds, ArcCodec codec, Random rng) throws IOException {
        boolean train = split.equals("train");
        try (DatasetSplitWriter w = new DatasetSplitWriter(out, split, codec.seqLen(), codec.vocabSize())) {
            int puzzles = 0;
            for (Entry e : entries) {
                if (!train && !e.evaluation()) {
                    continue;
                }
                for (ArcAugmentation a : e.variants()) {
                    List<ArcPair> pairs = examples(e, train);
                    List<int[]> in = new ArrayList<>(pairs.size());
                    List<int[]> lab = new ArrayList<>(pairs.size());
                    int keep = rng.nextInt(pairs.size());
                    for (int i = 0; i < pairs.size(); i++) {
                        Grid x = a.apply(pairs.get(i).input());
                        Grid y = a.apply(pairs.get(i).output());
                        int r0 = 0;
                        int c0 = 0;
                        if (train && i != keep) {
                            r0 = rng.nextInt(codec.side() - Math.max(x.rows(), y.rows()) + 1);
                            c0 = rng.nextInt(codec.side() - Math.max(x.cols(), y.cols()) + 1);
                        }
                        in.add(codec.encode(x, r0, c0));
                        lab.add(codec.encode(y, r0, c0));
                    }
                    w.addPuzzle(ids.get(name(e.task(), a)), in, lab);
                    puzzles++;
                }
                w.endGroup();
            }
            DatasetMetadata m = w.finish(numIds);
            return new DatasetSummary.SplitCounts(w.examples(), puzzles, m.totalGroups());
        }
    }

    private static List<ArcPair> examples(Entry e, boolean train) {
        if (!train) {
            return e.task().test();
        }
        if (e.evaluation()) {
            return e.task().train();
        }
        List<ArcPair> all = new ArrayList<>(e.task().train());
        all.addAll(e.task().test());
        return all;
    }

    private static List<ArcAugmentation> variants(ArcTask task, int aug, Random rng) {
        List<ArcAugmentation> group = new ArrayList<>();
        group.add(ArcAugmentation.identity());
        if (aug <= 0) {
            return group;
        }
        Set<Map<PairKey, Integer>> seen = new HashSet<>();
        seen.add(content(task, ArcAugmentation.identity()));
        for (int trial = 0; trial < RETRIES_FACTOR * aug && group.size() < aug + 1; trial++) {
            ArcAugmentation a = ArcAugmentation.random(rng);
            if (seen.add(content(task, a))) {
                group.add(a);
            }
        }
        return group;
    }

    private static Map<PairKey, Integer> content(ArcTask task, ArcAugmentation a) {
        Map<PairKey, Integer> bag = new HashMap<>();
        for (List<ArcPair> list : List.of(task.train(), task.test())) {
            for (ArcPair p : list) {
                bag.merge(new PairKey(a.apply(p.input()), a.apply(p.output())), 1, Integer::sum);
            }
        }
        return bag;
    }

    private static String name(ArcTask task, ArcAugmentation a) {
        return a.equals(ArcAugmentation.identity()) ? task.id() : a.variantName(task.id());
    }

    private static ArcTask withLabelledTests(ArcTask t, List<String> skipped) {
        List<ArcPair> tests = t.test().stream().filter(p -> p.output() != null).toList();
        if (tests.size() < t.test().size()) {
            skipped.add(t.id() + ": " + (t.test().size() - tests.size()) + " test pair(s) without output left out");
        }
        return tests.isEmpty() ? null : new ArcTask(t.id(), t.train(), tests);
    }

    private static List<Path> subsets(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new PuzzleFormatException(source.toString(), null, "not a folder of ARC tasks");
        }
        List<Path> out = new ArrayList<>();
        boolean hasTasks = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(source)) {
            for (Path p : ds) {
                if (Files.isDirectory(p)) {
                    out.add(p);
                } else if (p.getFileName().toString().endsWith(".json")) {
                    hasTasks = true;
                }
            }
        }
        out.sort(null);
        if (hasTasks) {
            out.add(0, source);
        }
        return out;
    }
}
