package org.hrmlab.engine.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.FileHashes;
import org.hrmlab.engine.io.HrmLabModelFile;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.Safetensors;
import org.hrmlab.engine.model.HrmModel;

/**
 * A whole training run in an output folder: {@code config.yaml} (the given text, verbatim), {@code metrics.jsonl}
 * (one {@link TrainingEvent} per line, each also passed to the listener), {@code checkpoints/step_N.safetensors} (an HRM Lab model) and beside it
 * {@code step_N.state.safetensors} (Adam moments, the batch slots' carry and examples, the data-sampler position and
 * the step), both written to a temporary file and renamed. {@code resume} continues from the newest complete pair;
 * because the carry is saved too, a resumed run computes exactly what the uninterrupted run would have. With a moving
 * average of the weights ({@code ema}) the model file and the evaluations hold the averaged weights, as TRM's reference
 * saves them, and the state file also holds the live ones ({@code live.*}) and the average ({@code ema.*}).
 */
public final class TrainingRun {
    private static final Pattern STEP_FILE = Pattern.compile("step_(\\d+)\\.safetensors");
    private static final System.Logger LOG = System.getLogger(TrainingRun.class.getName());

    private final TrainingConfig cfg;
    private final Path out;
    private final String configText;
    private final TrainingListener listener;
    private final ComputeDevice device;

    /**
     * @param cfg        the parsed config
     * @param out        the run folder (created)
     * @param configText the config file's text, copied verbatim to {@code out/config.yaml}
     * @param listener   receives every event
     */
    public TrainingRun(TrainingConfig cfg, Path out, String configText, TrainingListener listener) {
        this(cfg, out, configText, listener, ComputeDevice.CPU);
    }

    /**
     * A run whose forward and backward passes (and evaluations) run on {@code device}; its checkpoints are the same on
     * every device, so a run started on one resumes on another.
     */
    public TrainingRun(TrainingConfig cfg, Path out, String configText, TrainingListener listener,
                       ComputeDevice device) {
        this.cfg = cfg;
        this.out = out;
        this.configText = configText;
        this.listener = listener;
        this.device = device;
    }

    /**
     * Trains until the schedule's total steps (or {@code max_steps}).
     *
     * @param resume continue from the newest checkpoint in {@code out}
     * @return the last step's number
     * @throws DatasetException bad data, a config that differs from the run's, or nothing to resume (a resumed run
     *                          that stopped before its first checkpoint starts again from step 0)
     */
    public long run(boolean resume) throws IOException {
        return run(resume, Long.MAX_VALUE);
    }

    /**
     * Trains one stretch of the run: until the schedule's total steps (or {@code max_steps}), or until step
     * {@code stopAt} if that comes first, where a checkpoint is written so that {@code resume} continues (on any
     * device) exactly as the uninterrupted run would have.
     *
     * @param resume continue from the newest checkpoint in {@code out}
     * @param stopAt the step to stop at (positive)
     * @return the last step's number
     * @throws DatasetException bad data, a config that differs from the run's, or nothing to resume
     */
    public long run(boolean resume, long stopAt) throws IOException {
        return run(resume, stopAt, null);
    }

    /**
     * {@link #run(boolean, long)}, also ending the stretch at the first step that finishes after {@code timeLimit} of
     * training (with a checkpoint there): a session of fixed length on a borrowed machine advances the run.
     *
     * @param timeLimit the training time this stretch may take, or null for no limit
     */
    public long run(boolean resume, long stopAt, java.time.Duration timeLimit) throws IOException {
        PuzzleDataset train = PuzzleDataset.open(cfg.dataPath(), "train");
        PuzzleDataset test = Files.isDirectory(cfg.dataPath().resolve("test"))
                ? PuzzleDataset.open(cfg.dataPath(), "test") : null;
        HrmConfig model = buildable(train);
        if (test != null) {
            Path testMeta = test.dir().resolve("dataset.json");
            if (test.seqLen() != train.seqLen()) {
                throw new DatasetException(testMeta, "test examples have " + test.seqLen()
                        + " tokens, the training examples " + train.seqLen() + "; one model takes one length");
            }
            if (test.vocabSize() > train.vocabSize()) {
                throw new DatasetException(testMeta, "test vocabulary " + test.vocabSize()
                        + " is larger than the training vocabulary " + train.vocabSize());
            }
            if (model.puzzleEmbNdim() > 0 && test.numPuzzleIdentifiers() > train.numPuzzleIdentifiers()) {
                throw new DatasetException(testMeta, "test puzzle identifiers go up to "
                        + (test.numPuzzleIdentifiers() - 1) + ", outside the training table of "
                        + train.numPuzzleIdentifiers());
            }
        }
        int batch = cfg.globalBatchSize();
        long total = (long) ((double) cfg.epochs() * train.groups() * train.meanPuzzleExamples() / batch);
        long last = cfg.maxSteps() > 0 ? Math.min(total, cfg.maxSteps()) : total;
        long evalEvery = cfg.evalInterval() > 0
                ? Math.max(1, (long) ((double) cfg.evalInterval() * train.groups() * train.meanPuzzleExamples() / batch))
                : 0;
        Path configCopy = out.resolve("config.yaml");
        Map<String, HostTensor> weights;
        ActTrainer trainer;
        TrainBatchSampler sampler = new TrainBatchSampler(train, batch, cfg.seed(),
                cfg.evalInterval() > 0 ? cfg.evalInterval() : cfg.epochs());
        double elapsedBefore = 0;
        long step = -1;
        if (resume) {
            if (!Files.isRegularFile(configCopy)) {
                throw new DatasetException(configCopy, "missing: nothing to resume in " + out);
            }
            if (!Files.readString(configCopy).equals(configText)) {
                throw new DatasetException(configCopy, "differs from the given config: resume with the run's own");
            }
            step = newestCheckpoint();
        }
        if (step >= 0) {
            ModelCheckpoint ckpt = CheckpointLoader.load(modelFile(step));
            trainer = new ActTrainer(model, ckpt.weights(), cfg.optimiserSettings(total), batch, cfg.seed(), device);
            elapsedBefore = restoreState(trainer, sampler, step);
        } else {
            if (resume) {
                // stopped before its first checkpoint: nothing to keep, so it starts again from step 0
                Files.deleteIfExists(out.resolve("metrics.jsonl"));
            } else if (Files.exists(out.resolve("metrics.jsonl")) || newestCheckpoint() >= 0) {
                throw new DatasetException(out, "already holds a run: use --resume or another --out");
            }
            weights = initialWeights(model);
            trainer = new ActTrainer(model, weights, cfg.optimiserSettings(total), batch, cfg.seed(), device);
            Files.createDirectories(out.resolve("checkpoints"));
            Files.writeString(configCopy, configText);
        }
        String dataHash = FileHashes.sha256(cfg.dataPath().resolve("train/all__inputs.npy"));
        try (ActTrainer t = trainer) {
            long deadline = timeLimit == null ? Long.MAX_VALUE
                    : System.nanoTime() + Math.min(timeLimit.toNanos(), Long.MAX_VALUE / 4);
            return train(t, sampler, test, model, batch, last, Math.min(last, stopAt), deadline, evalEvery, dataHash,
                    elapsedBefore);
        }
    }

    private long train(ActTrainer trainer, TrainBatchSampler sampler, PuzzleDataset test, HrmConfig model, int batch,
                       long last, long stop, long deadline, long evalEvery, String dataHash, double elapsedBefore)
            throws IOException {
        LOG.log(System.Logger.Level.INFO, "training {0} steps from step {1} on {2}", last, trainer.stepsTaken(),
                device.id());

        Window w = new Window();
        long start = System.nanoTime();
        long startStep = trainer.stepsTaken();
        try (BufferedWriter metrics = Files.newBufferedWriter(out.resolve("metrics.jsonl"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (trainer.stepsTaken() < stop) {
                StepResult r = trainer.step(sampler.next());
                w.add(r, batch);
                long step = r.step();
                double elapsed = elapsedBefore + (System.nanoTime() - start) / 1e9;
                if (step % cfg.logInterval() == 0 || step == last) {
                    double session = Math.max(1e-9, elapsed - elapsedBefore);
                    emit(metrics, new TrainingEvent.Train(step, last, sampler.epoch(), r.lr(),
                            w.loss / w.examples, w.lmLoss / w.examples, w.qLoss / w.examples,
                            ratio(w.exact, w.count), ratio(w.tokenAcc, w.count), ratio(w.segments, w.count),
                            batch * (step - startStep) / session, elapsed,
                            (last - step) * session / (step - startStep)));
                    w = new Window();
                }
                boolean evalNow = (evalEvery > 0 && step % evalEvery == 0) || step == last;
                if (evalNow && test != null) {
                    Evaluator.Result e;
                    try (HrmModel evaluated = device.open(model, trainer.modelWeights())) {
                        e = new Evaluator(evaluated, batch).evaluate(test, cfg.evalLimit(), model.haltMaxSteps(), false);
                    }
                    emit(metrics, new TrainingEvent.Eval(step, last, sampler.epoch(), e.exactAccuracy(),
                            e.tokenAccuracy(), e.meanSegments(), e.qHaltAccuracy(), e.count(),
                            elapsedBefore + (System.nanoTime() - start) / 1e9));
                }
                boolean outOfTime = deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0;
                boolean ckptNow = step == stop || outOfTime || (evalNow && cfg.checkpointEveryEval())
                        || (cfg.checkpointInterval() > 0 && step % cfg.checkpointInterval() == 0);
                if (ckptNow) {
                    Path file = save(trainer, sampler, model, step, dataHash,
                            elapsedBefore + (System.nanoTime() - start) / 1e9);
                    emit(metrics, new TrainingEvent.Checkpoint(step, out.relativize(file).toString()));
                }
                if (outOfTime) {
                    break;
                }
            }
            emit(metrics, new TrainingEvent.Done(trainer.stepsTaken(), last,
                    elapsedBefore + (System.nanoTime() - start) / 1e9));
        }
        return trainer.stepsTaken();
    }

    /**
     * @return the model the config describes for the training data's sizes
     * @throws DatasetException if it cannot be built: a tensor too large for one array, or more memory than the JVM
     *                          may use for its weights, gradients and Adam moments
     */
    private HrmConfig buildable(PuzzleDataset train) throws DatasetException {
        Path data = train.dir().resolve("dataset.json");
        HrmConfig model;
        try {
            model = cfg.modelConfig(train.seqLen(), train.vocabSize(), train.numPuzzleIdentifiers());
        } catch (IllegalArgumentException e) {
            throw new DatasetException(data, "with this data the config's model cannot be built: " + e.getMessage());
        }
        String big = org.hrmlab.engine.io.WeightLayout.oversized(model);
        if (big != null) {
            throw new DatasetException(data, "with this data (vocabulary " + train.vocabSize() + ", "
                    + train.numPuzzleIdentifiers() + " puzzle identifiers) the config's model cannot be built: " + big);
        }
        long table = model.puzzleEmbNdim() > 0 ? (long) model.numPuzzleIdentifiers() * model.puzzleEmbNdim() : 0;
        long values = org.hrmlab.engine.io.WeightLayout.values(model);
        double need = 4.0 * (4.0 * (values - table) + 2.0 * table);
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && need > max) {
            throw new DatasetException(data, String.format(java.util.Locale.ROOT, "the config's model has %,d values;"
                    + " its weights, gradients and Adam moments alone need %.1f GB, more than this JVM's %.1f GB "
                    + "(raise -Xmx, e.g. HRMLAB_JAVA_OPTS=-Xmx16g, or shrink the model)", values, need / 1e9,
                    max / 1e9));
        }
        return model;
    }

    private Map<String, HostTensor> initialWeights(HrmConfig model) throws IOException {
        if (cfg.initCheckpoint() == null) {
            return org.hrmlab.engine.model.HrmInitializer.init(model, cfg.seed());
        }
        ModelCheckpoint c = CheckpointLoader.load(cfg.initCheckpoint());
        // the recursion's schedule shapes no weight: a later stage may run more cycles or segments
        HrmConfig k = c.config().withSeqLen(model.seqLen())
                .withCycles(model.hCycles(), model.lCycles(), model.haltMaxSteps());
        if (!k.equals(model)) {
            throw new DatasetException(cfg.initCheckpoint(), "architecture " + k + " does not match the config and "
                    + "data " + model);
        }
        int from = c.config().seqLen();
        if (from == model.seqLen()) {
            return c.weights();
        }
        if (model.mlpT()) {
            throw new DatasetException(cfg.initCheckpoint(), "its token-mixing MLP (mlp_t) is for " + from
                    + " tokens and the data has " + model.seqLen());
        }
        return model.learnedPositions() ? regridPositions(c.weights(), from, model) : c.weights();
    }

    /** The init checkpoint's learned positions, of another grid size, carried over to the data's grid. */
    private Map<String, HostTensor> regridPositions(Map<String, HostTensor> weights, int from, HrmConfig model)
            throws DatasetException {
        int oldSide = PositionTableRegrid.side(from);
        int newSide = PositionTableRegrid.side(model.seqLen());
        if (oldSide < 0 || newSide < 0) {
            throw new DatasetException(cfg.initCheckpoint(), "its learned positions are for " + from + " tokens and "
                    + "the data has " + model.seqLen() + "; they carry over only from one square grid to another");
        }
        String key = "embed_pos.embedding_weight";
        Map<String, HostTensor> out = new LinkedHashMap<>(weights);
        out.put(key, PositionTableRegrid.regrid(weights.get(key), model.puzzleEmbLen(), oldSide, newSide));
        LOG.log(System.Logger.Level.INFO, "{0}: learned positions carried over from its {1}x{1} grid to the data''s "
                + "{2}x{2}", cfg.initCheckpoint(), oldSide, newSide);
        return out;
    }

    private void emit(BufferedWriter metrics, TrainingEvent event) throws IOException {
        metrics.write(TrainingEvent.toJson(event));
        metrics.newLine();
        metrics.flush();
        listener.onEvent(event);
    }

    private static Double ratio(double sum, int count) {
        return count > 0 ? sum / count : null;
    }

    private Path modelFile(long step) {
        return out.resolve("checkpoints").resolve("step_" + step + ".safetensors");
    }

    private Path stateFile(long step) {
        return out.resolve("checkpoints").resolve("step_" + step + ".state.safetensors");
    }

    private long newestCheckpoint() throws IOException {
        Path dir = out.resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        long best = -1;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = STEP_FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    long s = Long.parseLong(m.group(1));
                    if (s > best && Files.isRegularFile(stateFile(s))) {
                        best = s;
                    }
                }
            }
        }
        return best;
    }

    private Path save(ActTrainer trainer, TrainBatchSampler sampler, HrmConfig model, long step, String dataHash,
                      double elapsed) throws IOException {
        Map<String, HostTensor> state = new LinkedHashMap<>();
        trainer.adam().firstMoments().forEach((k, v) -> state.put("adam.m." + k, vector(v)));
        trainer.adam().secondMoments().forEach((k, v) -> state.put("adam.v." + k, vector(v)));
        if (trainer.ema() != null) {
            trainer.ema().shadow().forEach((k, v) -> state.put("ema." + k, vector(v.clone())));
            Map<String, HostTensor> live = trainer.weights();
            trainer.ema().shadow().keySet().forEach(k -> state.put("live." + k, vector(live.get(k).data())));
        }
        ActTrainer.Slots s = trainer.slots();
        state.put("slots.zL", vector(s.zL()));
        state.put("slots.zH", vector(s.zH()));
        state.put("slots.steps", vector(toFloats(s.steps())));
        int[] halted = new int[s.halted().length];
        for (int i = 0; i < halted.length; i++) {
            halted[i] = s.halted()[i] ? 1 : 0;
        }
        state.put("slots.halted", vector(toFloats(halted)));
        state.put("slots.inputs", vector(toFloats(s.inputs())));
        state.put("slots.labels", vector(toFloats(s.labels())));
        state.put("slots.ids", vector(toFloats(s.ids())));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("hrmlab.format", "hrmlab-train-state-1");
        meta.put("step", Long.toString(step));
        meta.put("adam_step", Long.toString(trainer.adam().step()));
        meta.put("sampler_iteration", Integer.toString(sampler.position().iteration()));
        meta.put("sampler_batches", Integer.toString(sampler.position().batchesInIteration()));
        meta.put("elapsed_s", Double.toString(elapsed));
        Safetensors.write(stateFile(step), state, meta);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", "hrmlab train");
        provenance.put("config", configText);
        provenance.put("data", recordedDataPath(cfg.dataPath()));
        provenance.put("data_sha256", dataHash);
        provenance.put("step", Long.toString(step));
        provenance.put("seed", Long.toString(cfg.seed()));
        Path names = cfg.dataPath().resolve("identifiers.json");
        if (model.puzzleEmbNdim() > 0 && Files.isRegularFile(names)) {
            provenance.put(ModelCheckpoint.IDENTIFIERS_KEY, Files.readString(names, StandardCharsets.UTF_8).strip());
        }
        HrmLabModelFile.write(modelFile(step), model.withSeqLen(model.seqLen()), trainer.modelWeights(), provenance);
        return modelFile(step);
    }

    private double restoreState(ActTrainer trainer, TrainBatchSampler sampler, long step) throws IOException {
        Safetensors.Contents c = Safetensors.read(stateFile(step));
        Map<String, String> meta = c.metadata();
        if (!"hrmlab-train-state-1".equals(meta.get("hrmlab.format"))) {
            throw new DatasetException(stateFile(step), "not an HRM Lab training state");
        }
        Map<String, float[]> m = new LinkedHashMap<>();
        Map<String, float[]> v = new LinkedHashMap<>();
        Map<String, float[]> ema = new LinkedHashMap<>();
        Map<String, float[]> live = new LinkedHashMap<>();
        c.tensors().forEach((k, t) -> {
            if (k.startsWith("adam.m.")) {
                m.put(k.substring(7), t.data());
            } else if (k.startsWith("adam.v.")) {
                v.put(k.substring(7), t.data());
            } else if (k.startsWith("ema.")) {
                ema.put(k.substring(4), t.data());
            } else if (k.startsWith("live.")) {
                live.put(k.substring(5), t.data());
            }
        });
        trainer.restoreOptimiser(Long.parseLong(meta.get("adam_step")), m, v);
        if (trainer.ema() != null) {
            if (ema.isEmpty() || live.isEmpty()) {
                throw new DatasetException(stateFile(step), "no moving average of the weights in this training state");
            }
            trainer.ema().restore(ema);
            trainer.restoreLiveWeights(live);
        }
        float[] haltedF = c.tensors().get("slots.halted").data();
        boolean[] halted = new boolean[haltedF.length];
        for (int i = 0; i < halted.length; i++) {
            halted[i] = haltedF[i] != 0;
        }
        trainer.restoreSlots(new ActTrainer.Slots(c.tensors().get("slots.zL").data(),
                c.tensors().get("slots.zH").data(), toInts(c.tensors().get("slots.steps").data()), halted,
                toInts(c.tensors().get("slots.inputs").data()), toInts(c.tensors().get("slots.labels").data()),
                toInts(c.tensors().get("slots.ids").data())));
        sampler.seek(new TrainBatchSampler.Position(Integer.parseInt(meta.get("sampler_iteration")),
                Integer.parseInt(meta.get("sampler_batches"))));
        return Double.parseDouble(meta.getOrDefault("elapsed_s", "0"));
    }

    private static HostTensor vector(float[] v) {
        return new HostTensor(new long[] {v.length}, v);
    }

    private static float[] toFloats(int[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = a[i];
        }
        return f;
    }

    private static int[] toInts(float[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Math.round(a[i]);
        }
        return r;
    }

    /** Sums over the steps between two log lines. */
    private static final class Window {
        double loss;
        double lmLoss;
        double qLoss;
        long examples;
        int count;
        double exact;
        double tokenAcc;
        double segments;

        void add(StepResult r, int batch) {
            loss += r.loss();
            lmLoss += r.lmLoss();
            qLoss += r.qHaltLoss() + r.qContinueLoss();
            examples += batch;
            count += r.count();
            exact += r.exactCount();
            tokenAcc += r.tokenAccuracySum();
            segments += r.stepsSum();
        }
    }

    /**
     * @param data the run's data folder
     * @return the folder as a model's provenance records it: relative to the working directory (with {@code /}) when it
     *         lies below it, so that a model trained in a checkout names {@code data/<dataset>}, not a machine's path
     */
    static String recordedDataPath(Path data) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = data.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString().replace('\\', '/')
                : data.toString();
    }
}
