package org.hrmlab.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.step.HrmStepper;
import org.hrmlab.engine.step.StepSnapshot;
import org.hrmlab.engine.trace.TraceWriter;
import picocli.CommandLine.ArgGroup;
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

    @ArgGroup(exclusive = false, multiplicity = "1")
    PuzzleInput input = new PuzzleInput();

    @Option(names = "--segments", paramLabel = "M", description = "segments to run (default: the model's halt_max_steps)")
    Integer segments;

    @Option(names = "--paper-decode", description = "also record the paper's Fig. 7 decode of every update")
    boolean paperDecode;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelCheckpoint ckpt = model.load();
        PuzzleInput.Resolved puzzle = input.resolve();
        int m = segments == null ? ckpt.config().haltMaxSteps() : segments;
        if (m < 1) {
            throw new BadInputException("--segments must be >= 1");
        }
        model.checkInput(ckpt, puzzle);
        HrmModel hrm = model.model(ckpt, puzzle.tokens().length, m);
        HrmStepper stepper = new HrmStepper(hrm, puzzle.tokens(), puzzle.puzzleId(), m);
        stepper.setPaperDecode(paperDecode);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("program", "HRM Lab " + HrmLabCommand.VERSION);
        manifest.put("checkpoint", ckpt.source().toString());
        manifest.put("checkpoint_sha256", ckpt.sha256());
        manifest.put("puzzle", puzzle.description());
        manifest.put("puzzle_id", puzzle.puzzleId());
        manifest.put("inputs", puzzle.tokens());
        manifest.put("created", java.time.Instant.now().toString());
        List<float[]> q = new ArrayList<>();
        StepSnapshot last = null;
        long start = System.nanoTime();
        try (TraceWriter writer = new TraceWriter(out, hrm.config(), manifest)) {
            while (stepper.nextKind() != null) {
                last = stepper.step();
                writer.append(last);
                if (last.endsSegment()) {
                    q.add(new float[] {last.qHalt(), last.qContinue()});
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("steps", stepper.updatesDone());
        summary.put("segments", m);
        summary.put("seq_len", hrm.config().seqLen());
        summary.put("h_cycles", hrm.config().hCycles());
        summary.put("l_cycles", hrm.config().lCycles());
        summary.put("q", q);
        summary.put("predicted", last.predicted());
        summary.put("elapsed_s", (System.nanoTime() - start) / 1e9);
        Json.print(spec.commandLine().getOut(), summary);
        return 0;
    }
}
