package org.hrmlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.ModelInputs;
import org.hrmlab.engine.model.HrmModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every model-running command shares: the checkpoint and inference-time overrides. */
final class ModelOptions {
    @Option(names = "--checkpoint", required = true, paramLabel = "C",
            converter = OptionConverters.CheckpointPaths.class,
            description = "reference checkpoint (with all_config.yaml beside it), HRM Lab model, or shipped:NAME "
                    + "(a model shipped with the lab, e.g. shipped:sudoku-9x9)")
    Path checkpoint;

    @Option(names = "--h-cycles", paramLabel = "N", description = "override H_cycles")
    Integer hCycles;

    @Option(names = "--l-cycles", paramLabel = "T", description = "override L_cycles")
    Integer lCycles;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** @return the device models run on (resolved once; its line printed to stderr) */
    org.hrmlab.engine.compute.ComputeDevice device() {
        return device.resolve(mixee.commandLine().getErr());
    }

    /** @return how messages and manifests name the checkpoint ({@code shipped:NAME} for a shipped model) */
    String name() {
        return DefaultModels.describe(checkpoint);
    }

    /** @return the shipped model's name ({@code maze-7x7}) or the checkpoint's file name */
    String shortName() {
        String n = name();
        return n.startsWith(DefaultModels.SCHEME) ? n.substring(DefaultModels.SCHEME.length())
                : checkpoint.getFileName().toString();
    }

    ModelCheckpoint load() throws CheckpointException {
        return CheckpointLoader.load(checkpoint);
    }

    /** @return a model for sequences of {@code seqLen} tokens, with the overrides applied */
    HrmModel model(ModelCheckpoint ckpt, int seqLen, int maxSegments) {
        HrmConfig c = ckpt.config();
        if (c.seqLen() > 0 && c.seqLen() != seqLen) {
            throw new BadInputException(name() + ": the model has " + (c.mlpT()
                    ? "a token-mixing MLP (TRM's mlp_t) sized for " : "learned positions for ") + c.seqLen()
                    + " tokens, the puzzle has " + seqLen);
        }
        int h = hCycles == null ? c.hCycles() : hCycles;
        int l = lCycles == null ? c.lCycles() : lCycles;
        if (h < 1 || l < 1) {
            throw new BadInputException("--h-cycles and --l-cycles must be >= 1");
        }
        return device()
                .open(c.withSeqLen(seqLen).withCycles(h, l, maxSegments), ckpt.weights());
    }

    /**
     * @return what the loaded model takes, as far as its file tells ({@link ModelInputs}), under the name messages
     *         give it
     */
    ModelInputs inputs(ModelCheckpoint ckpt) {
        ModelInputs in = ModelInputs.of(ckpt);
        return name().startsWith(DefaultModels.SCHEME) ? in.named(name()) : in;
    }

    /**
     * Checks that an input fits the model: its length, its token values and its puzzle id. Where the file does not
     * tell the length, says so on stderr and takes the input as given.
     *
     * @throws BadInputException one line naming the input's file and the problem
     */
    void checkInput(ModelCheckpoint ckpt, PuzzleInput.Resolved p) {
        ModelInputs in = inputs(ckpt);
        String problem = in.inputProblem(p.tokens(), p.puzzleId());
        if (problem != null) {
            throw new BadInputException(p.origin() + ": " + problem);
        }
        noteIfLengthUnknown(in, p.tokens().length, p.origin());
    }

    /** Says on stderr that the model's file does not tell its input length, so the input's is taken as given. */
    void noteIfLengthUnknown(ModelInputs in, int tokens, String origin) {
        if (!in.lengthKnown()) {
            PrintWriter err = mixee.commandLine().getErr();
            err.println("note: " + in.model() + " does not say how many tokens it takes (" + in.describe()
                    + "); running the " + tokens + " tokens of " + origin + " as given");
            err.flush();
        }
    }
}
