package org.hrmlab.engine.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.step.HrmStepper;
import org.hrmlab.engine.step.Readout;
import org.hrmlab.engine.step.StepSnapshot;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;

/** Records a full trace of one puzzle: every update of {@code segments} segments, no early halting. */
public final class TraceRecorder {
    private TraceRecorder() {
    }

    /**
     * @param model       the model (seqLen = tokens.length; cycles as wanted)
     * @param tokens      {@code [seqLen]} input tokens (not modified)
     * @param puzzleId    puzzle identifier
     * @param labels      {@code [seqLen]} target tokens (0 = unsupervised), or null when unknown (not modified)
     * @param segments    segments to run
     * @param readout     the read-out to record besides the high state's logits ({@code readout.npy}; none for
     *                    {@link Readout#HIGH_STATE}): the paper's Fig. 7 decode or the low state's
     * @param dir         the trace directory to write ({@code inputs.npy} and {@code labels.npy} included)
     * @param manifest    facts for {@code manifest.json}
     * @return the last update's snapshot
     */
    public static StepSnapshot record(HrmModel model, int[] tokens, int puzzleId, int[] labels, int segments,
                                      Readout readout, Path dir, Map<String, Object> manifest) throws IOException {
        HrmStepper stepper = new HrmStepper(model, tokens, puzzleId, segments);
        stepper.setReadout(readout);
        Map<String, Object> m = new LinkedHashMap<>(manifest);
        m.put("puzzle_id", puzzleId);
        StepSnapshot last = null;
        try (TraceWriter writer = new TraceWriter(dir, model.config(), m)) {
            while (stepper.nextKind() != null) {
                last = stepper.step();
                writer.append(last);
            }
        }
        Npy.write(dir.resolve("inputs.npy"), NpyArray.ofInts(tokens, 1, tokens.length));
        if (labels != null) {
            Npy.write(dir.resolve("labels.npy"), NpyArray.ofInts(labels, 1, labels.length));
        }
        return last;
    }
}
