package org.hrmlab.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.step.HrmStepper;
import org.hrmlab.engine.step.StepSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hrmlab solve}: run a puzzle with Q-halting and print the prediction. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve one puzzle, halting when the Q head says so at a segment end (q_halt > q_continue; "
                + "q_halt > 0 for a TRM) or after M segments.")
final class SolveCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    PuzzleInput input = new PuzzleInput();

    @Option(names = "--max-segments", paramLabel = "M", description = "most segments (default: halt_max_steps)")
    Integer maxSegments;

    @Override
    public Integer call() throws Exception {
        ModelCheckpoint ckpt = model.load();
        PuzzleInput.Resolved puzzle = input.resolve(ckpt, model.inputs(ckpt));
        model.checkInput(ckpt, puzzle);
        int m = maxSegments == null ? ckpt.config().haltMaxSteps() : maxSegments;
        if (m < 1) {
            throw new BadInputException("--max-segments must be >= 1");
        }
        HrmModel hrm = model.model(ckpt, puzzle.tokens().length, m);
        HrmStepper stepper = new HrmStepper(hrm, puzzle.tokens(), puzzle.puzzleId(), m);
        long start = System.nanoTime();
        StepSnapshot last = stepper.runToHalt();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("puzzle", puzzle.description());
        out.put("puzzle_id", puzzle.puzzleId());
        out.put("segments", last.segment() + 1);
        out.put("halted_by_q", last.wantsToHalt());
        out.put("halt_rule", last.haltRule().text());
        out.put("q_halt", last.qHalt());
        out.put("q_continue", last.qContinue());
        out.put("predicted_tokens", last.predicted());
        puzzle.report(last.predicted(), out);
        out.put("elapsed_s", (System.nanoTime() - start) / 1e9);
        Json.print(spec.commandLine().getOut(), out);
        return 0;
    }
}
