package org.hrmlab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.ModelInputs;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.step.HrmStepper;
import org.hrmlab.engine.step.StepSnapshot;
import org.hrmlab.engine.train.Evaluator;
import org.hrmlab.engine.train.PuzzleDataset;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleSources;
import org.hrmlab.puzzles.arc.ArcVoting;
import org.hrmlab.puzzles.codec.ArcCodec;
import org.hrmlab.puzzles.codec.TokenCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hrmlab eval}: exact and per-cell accuracy over a reference-layout dataset or a puzzle file. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Exact and per-cell accuracy over a dataset (reference-layout folder or puzzle file).")
final class EvalCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--dataset", required = true, paramLabel = "D",
            description = "reference-layout dataset folder (identifiers.json, test/...) or a puzzle file (CSV, JSON)")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "split of a dataset folder (default test)")
    String split;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "at most N examples (0 = all)")
    int limit;

    @Option(names = "--max-segments", paramLabel = "M", description = "segments per example (default halt_max_steps)")
    Integer maxSegments;

    @Option(names = "--halt-on-q", description = "stop each example when the Q head halts (as solve does: "
            + "q_halt > q_continue, q_halt > 0 for a TRM); "
            + "default: run all M segments as the reference's evaluation does")
    boolean haltOnQ;

    @Option(names = "--batch", defaultValue = "auto", paramLabel = "B", converter = BatchSize.Converter.class,
            description = "examples per batch, or auto: sized to the device (GPU: about half its free memory; CPU: 16)")
    BatchSize batchOption;

    private int batch;

    @Option(names = "--arc-vote", description = "ARC dataset folder: also score each task's test inputs as the "
            + "reference does, by voting over the answers of all its augmented variants mapped back to the task "
            + "(top-1 and pass@2)")
    boolean arcVote;

    @Override
    public Integer call() throws Exception {
        ModelCheckpoint ckpt = model.load();
        int m = maxSegments == null ? ckpt.config().haltMaxSteps() : maxSegments;
        batch = batchOption.rows();
        if (m < 1) {
            throw new BadInputException("--max-segments must be >= 1");
        }
        long start = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        Path path = Path.of(dataset.contains("#") ? dataset.substring(0, dataset.indexOf('#')) : dataset);
        if (Files.isDirectory(path)) {
            PuzzleDataset data = PuzzleDataset.open(path, split);
            checkDataset(path, data, model.inputs(ckpt), ckpt.config());
            model.noteIfLengthUnknown(model.inputs(ckpt), data.seqLen(), path.toString());
            ArcVoting voting = arcVote ? new ArcVoting(arcCodec(path, data)) : null;
            List<String> names = arcVote ? identifierNames(path) : List.of();
            HrmModel hrm = model.model(ckpt, data.seqLen(), m);
            if (batch == 0) {
                batch = model.device().batchFor(hrm.config());
            }
            out.put("batch", batch);
            Evaluator.PredictionSink sink = voting == null ? null : (e, predicted, labels, q) -> {
                int p = data.puzzleOfExample(e);
                voting.add(names.get(data.puzzleIdentifier(p)), e - data.firstExampleOf(p), predicted, labels, q);
            };
            Evaluator.Result r = new Evaluator(hrm, batch).evaluate(data, limit, m, haltOnQ, sink);
            out.put("exact_accuracy", r.exactAccuracy());
            out.put("token_accuracy", r.tokenAccuracy());
            out.put("mean_segments", r.meanSegments());
            out.put("q_halt_accuracy", r.qHaltAccuracy());
            out.put("count", r.count());
            out.put("exact_by_segment", r.exactBySegment());
            if (voting != null) {
                out.put("arc_vote", voteSummary(voting.verdicts()));
            }
        } else {
            if (arcVote) {
                throw new BadInputException("--arc-vote needs a dataset folder with identifiers.json");
            }
            evaluateFile(ckpt, m, out);
        }
        out.put("dataset", dataset);
        out.put("max_segments", m);
        out.put("halt_on_q", haltOnQ);
        out.put("elapsed_s", (System.nanoTime() - start) / 1e9);
        Json.print(spec.commandLine().getOut(), out);
        return 0;
    }

    /**
     * Checks that a dataset's examples fit the model: their length, vocabulary and puzzle identifiers.
     *
     * @throws BadInputException one line naming the dataset folder
     */
    static void checkDataset(Path path, PuzzleDataset data, ModelInputs in, org.hrmlab.engine.HrmConfig c) {
        String length = in.lengthMismatch(data.seqLen());
        if (length != null) {
            throw new BadInputException(path + ": its examples have " + length);
        }
        if (data.vocabSize() > c.vocabSize()) {
            throw new BadInputException(path + ": dataset vocabulary " + data.vocabSize()
                    + " is larger than the model's " + c.vocabSize());
        }
        if (c.puzzleEmbNdim() > 0 && data.numPuzzleIdentifiers() > c.numPuzzleIdentifiers()) {
            throw new BadInputException(path + ": puzzle identifiers go up to " + (data.numPuzzleIdentifiers() - 1)
                    + ", outside the model's puzzle table [0, " + c.numPuzzleIdentifiers() + ")");
        }
    }

    private static ArcCodec arcCodec(Path path, PuzzleDataset data) {
        if (data.vocabSize() != ArcCodec.INSTANCE.vocabSize()) {
            throw new BadInputException(path + ": --arc-vote needs an ARC dataset (vocabulary 12), this one has "
                    + data.vocabSize() + " tokens");
        }
        try {
            return ArcCodec.forSeqLen(data.seqLen());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(path + ": --arc-vote needs an ARC dataset; " + e.getMessage());
        }
    }

    private static List<String> identifierNames(Path path) throws java.io.IOException {
        Path file = path.resolve("identifiers.json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(path + ": --arc-vote needs identifiers.json (the variants' names)");
        }
        try {
            return List.of(Json.MAPPER.readValue(file.toFile(), String[].class));
        } catch (java.io.IOException e) {
            throw new BadInputException(file + ": not a JSON list of identifier names");
        }
    }

    private static Map<String, Object> voteSummary(List<ArcVoting.Verdict> verdicts) {
        Map<String, Object> v = new LinkedHashMap<>();
        long top1 = verdicts.stream().filter(ArcVoting.Verdict::top1).count();
        long pass2 = verdicts.stream().filter(ArcVoting.Verdict::pass2).count();
        v.put("test_inputs", verdicts.size());
        v.put("top1_accuracy", verdicts.isEmpty() ? 0.0 : (double) top1 / verdicts.size());
        v.put("pass2_accuracy", verdicts.isEmpty() ? 0.0 : (double) pass2 / verdicts.size());
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (ArcVoting.Verdict d : verdicts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("task", d.taskId());
            row.put("test", d.testIndex());
            row.put("variants", d.variants());
            row.put("top_votes", d.ranked().isEmpty() ? 0 : d.ranked().get(0).votes());
            row.put("top1", d.top1());
            row.put("pass2", d.pass2());
            rows.add(row);
        }
        v.put("tasks", rows);
        return v;
    }

    private void evaluateFile(ModelCheckpoint ckpt, int m, Map<String, Object> out) throws Exception {
        List<Puzzle> puzzles = PuzzleSources.openAll(dataset);
        int n = limit > 0 ? Math.min(limit, puzzles.size()) : puzzles.size();
        ModelInputs in = model.inputs(ckpt);
        List<PuzzleInput.Resolved> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Puzzle p = puzzles.get(i);
            if (p.answer().isEmpty()) {
                continue;
            }
            String origin = dataset + "#" + i;
            TokenCodec codec = PuzzleInput.codecFor(p, in, origin);
            int[] input = codec.encodeInput(p);
            int id = ckpt.puzzleIdFor(p.name());
            String problem = in.inputProblem(input, id);
            if (problem != null) {
                throw new BadInputException(origin + ": " + problem);
            }
            PuzzleInput.Resolved first = inputs.isEmpty() ? null : inputs.get(0);
            if (first != null && first.tokens().length != input.length) {
                throw new BadInputException(dataset + ": puzzle #" + i + " has " + input.length + " tokens, "
                        + first.origin().substring(dataset.length() + 1) + " has " + first.tokens().length
                        + "; one model takes one length (" + in.model() + " does not say which)");
            }
            inputs.add(new PuzzleInput.Resolved(input, id, p.name(), codec.encodeLabels(p), codec, origin));
        }
        if (inputs.isEmpty()) {
            throw new BadInputException(dataset + ": no puzzle with a known answer to evaluate");
        }
        int counted = 0;
        int exact = 0;
        double tokens = 0;
        double segments = 0;
        model.noteIfLengthUnknown(in, inputs.get(0).tokens().length, dataset);
        HrmModel hrm = model.model(ckpt, inputs.get(0).tokens().length, m);
        for (PuzzleInput.Resolved r : inputs) {
            int[] labels = r.labels();
            HrmStepper stepper = new HrmStepper(hrm, r.tokens(), r.puzzleId(), m);
            StepSnapshot last = haltOnQ ? stepper.runToHalt() : stepper.seek(stepper.totalUpdates() - 1);
            int right = 0;
            int supervised = 0;
            for (int t = 0; t < labels.length; t++) {
                if (labels[t] > 0) {
                    supervised++;
                    right += last.predicted()[t] == labels[t] ? 1 : 0;
                }
            }
            counted++;
            exact += right == supervised ? 1 : 0;
            tokens += supervised == 0 ? 1 : (double) right / supervised;
            segments += last.segment() + 1;
        }
        out.put("exact_accuracy", (double) exact / counted);
        out.put("token_accuracy", tokens / counted);
        out.put("mean_segments", segments / counted);
        out.put("count", counted);
    }
}
