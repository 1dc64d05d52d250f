package org.hrmlab.app.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.ModelInputs;
import org.hrmlab.engine.model.HrmInitializer;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.step.Readout;
import org.hrmlab.engine.trace.TraceRecorder;
import org.hrmlab.engine.trace.TraceWriter;
import org.hrmlab.engine.train.PuzzleDataset;
import org.hrmlab.engine.train.TrainingBatch;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleSources;
import org.hrmlab.puzzles.codec.TokenCodec;

/**
 * Records traces with the real engine for {@code hrmlab analyze --checkpoint --dataset}: the first {@code count}
 * puzzles of a reference-layout dataset's test split or of a puzzle file, every update of {@code halt_max_steps}
 * segments; the control uses freshly initialised weights of the same architecture.
 */
public final class EngineTraceSource implements TraceSource {
    /** One puzzle as the model sees it. */
    record Example(String name, int[] tokens, int[] labels, int puzzleId, String origin) {
    }

    @Override
    public List<Path> record(Path checkpoint, Path dataset, int count, boolean control, long seed, Path outDir,
                             java.util.function.Supplier<org.hrmlab.engine.compute.ComputeDevice> device)
            throws IOException {
        ModelCheckpoint ckpt = CheckpointLoader.load(checkpoint);
        List<Example> examples = checkedExamples(dataset, count, ckpt);
        int seqLen = examples.get(0).tokens().length;
        HrmConfig config = ckpt.config().withSeqLen(seqLen);
        Map<String, HostTensor> weights = control ? HrmInitializer.init(config, seed) : ckpt.weights();
        HrmModel model = device.get().open(config, weights);
        List<Path> dirs = new ArrayList<>();
        var kind = ModelInputs.of(ckpt).kind();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("checkpoint", DefaultModels.describe(checkpoint));
            manifest.put("checkpoint_sha256", ckpt.sha256());
            manifest.put("weights", control ? "untrained control, HrmInitializer seed " + seed : "checkpoint");
            manifest.put("puzzle", e.name());
            TraceWriter.putPuzzleKind(manifest, kind);
            Path dir = outDir.resolve(String.format("%04d", i));
            TraceRecorder.record(model, e.tokens(), e.puzzleId(), e.labels(), config.haltMaxSteps(), Readout.HIGH_STATE, dir,
                    manifest);
            dirs.add(dir);
        }
        model.close();
        return dirs;
    }

    /**
     * @return the first {@code count} puzzles of {@code dataset} as the model sees them, each checked against what the
     *         model takes ({@link ModelInputs}), all of one length
     * @throws IllegalArgumentException one line naming the puzzle and the problem
     */
    static List<Example> checkedExamples(Path dataset, int count, ModelCheckpoint ckpt) throws IOException {
        ModelInputs in = ModelInputs.of(ckpt);
        List<Example> examples = examples(dataset, count, ckpt, in);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(dataset + ": no puzzles to trace");
        }
        int seqLen = examples.get(0).tokens().length;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            String problem = in.inputProblem(e.tokens(), e.puzzleId());
            if (problem != null) {
                throw new IllegalArgumentException(e.origin() + ": " + problem);
            }
            if (e.tokens().length != seqLen) {
                throw new IllegalArgumentException(dataset + ": puzzle #" + i + " has " + e.tokens().length
                        + " tokens, the first has " + seqLen + " (one model takes one length; " + in.model()
                        + " does not say which)");
            }
        }
        return examples;
    }

    private static List<Example> examples(Path dataset, int count, ModelCheckpoint ckpt, ModelInputs in)
            throws IOException {
        List<Example> out = new ArrayList<>();
        if (Files.isDirectory(dataset)) {
            PuzzleDataset data = PuzzleDataset.open(dataset, "test");
            String length = in.lengthMismatch(data.seqLen());
            if (length != null) {
                throw new IllegalArgumentException(dataset + ": its examples have " + length);
            }
            int n = Math.min(count, data.examples());
            for (int i = 0; i < n; i++) {
                TrainingBatch b = data.batch(new int[] {i}, new int[] {data.puzzleOfExample(i)}, 1);
                int[] labels = b.labels().clone();
                for (int t = 0; t < labels.length; t++) {
                    labels[t] = Math.max(0, labels[t]);
                }
                out.add(new Example(dataset.getFileName() + "#" + i, b.inputs(), labels, b.puzzleIds()[0],
                        dataset + "#" + i));
            }
            return out;
        }
        List<Puzzle> puzzles = PuzzleSources.openAll(dataset.toString());
        for (int i = 0; i < Math.min(count, puzzles.size()); i++) {
            Puzzle p = puzzles.get(i);
            String origin = dataset + "#" + i;
            String why = in.mismatch(p);
            if (why != null) {
                throw new IllegalArgumentException(origin + ": " + why);
            }
            TokenCodec codec = TokenCodec.forPuzzle(p, in.seqLen());
            int[] labels = p.answer().isPresent() ? codec.encodeLabels(p) : null;
            out.add(new Example(p.name(), codec.encodeInput(p), labels, ckpt.puzzleIdFor(p.name()), origin));
        }
        return out;
    }
}
