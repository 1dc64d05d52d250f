package org.hrmlab.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.step.StepSnapshot;
import org.hrmlab.engine.trace.TraceRecorder;
import org.hrmlab.engine.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hrmlab trace}: run M segments and record every L- and H-update. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Run M ACT segments (no early halting) and record every L- and H-update into DIR.")
final class TraceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    PuzzleInput input = new PuzzleInput();

    @Option(names = "--segments", paramLabel = "M", description = "segments to run (default: the model's halt_max_steps)")
    Integer segments;

    @Option(names = "--decode", paramLabel = "direct|paper|latent", defaultValue = "direct",
            converter = OptionConverters.DecodeModes.class,
            description = "also record another read-out of every update as readout.npy (int32 [steps, seq_len] argmax "
                    + "tokens): paper = one preliminary H-update first (Fig. 7), latent = argmax(lm_head(zL)) (TRM: "
                    + "the latent z); direct (default) records only logits.npy = lm_head(zH)")
    DecodeMode decode;

    /** The option before {@code --decode}: the same as {@code --decode paper}. */
    @Option(names = "--paper-decode", hidden = true, description = "the same as --decode paper")
    boolean paperDecode;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    private static List<float[]> qRows(Path dir) throws java.io.IOException {
        float[] flat = org.hrmlab.puzzles.io.Npy.read(dir.resolve("q.npy")).toFloats();
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < flat.length; i += 2) {
            rows.add(new float[] {flat[i], flat[i + 1]});
        }
        return rows;
    }

    @Override
    public Integer call() throws Exception {
        if (paperDecode && decode != DecodeMode.DIRECT && decode != DecodeMode.PAPER_FIG7) {
            throw new BadInputException("--paper-decode is --decode paper: it does not go with --decode "
                    + decode.cliName());
        }
        DecodeMode readout = paperDecode ? DecodeMode.PAPER_FIG7 : decode;
        ModelCheckpoint ckpt = model.load();
        PuzzleInput.Resolved puzzle = input.resolve(ckpt, model.inputs(ckpt));
        int m = segments == null ? ckpt.config().haltMaxSteps() : segments;
        if (m < 1) {
            throw new BadInputException("--segments must be >= 1");
        }
        model.checkInput(ckpt, puzzle);
        HrmModel hrm = model.model(ckpt, puzzle.tokens().length, m);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("program", "HRM Lab " + HrmLabCommand.VERSION);
        manifest.put("checkpoint", DefaultModels.describe(ckpt.source()));
        manifest.put("checkpoint_sha256", ckpt.sha256());
        manifest.put("puzzle", puzzle.description());
        TraceWriter.putPuzzleKind(manifest, model.inputs(ckpt).kind());
        manifest.put("created", java.time.Instant.now().toString());
        manifest.put("decode_mode", readout.cliName());
        long start = System.nanoTime();
        StepSnapshot last = TraceRecorder.record(hrm, puzzle.tokens(), puzzle.puzzleId(), puzzle.labels(), m,
                readout.readout(), out, manifest);
        List<float[]> q = qRows(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("steps", last.index() + 1);
        summary.put("segments", m);
        summary.put("seq_len", hrm.config().seqLen());
        summary.put("h_cycles", hrm.config().hCycles());
        summary.put("l_cycles", hrm.config().lCycles());
        summary.put("q", q);
        summary.put("predicted", last.predicted());
        if (last.readoutPredicted() != null) {
            summary.put("decode", readout.cliName());
            summary.put("readout_predicted", last.readoutPredicted());
        }
        puzzle.report(last.predicted(), summary);
        summary.put("elapsed_s", (System.nanoTime() - start) / 1e9);
        Json.print(spec.commandLine().getOut(), summary);
        return 0;
    }
}
