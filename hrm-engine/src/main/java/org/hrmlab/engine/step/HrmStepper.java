package org.hrmlab.engine.step;

import java.util.ArrayList;
import java.util.List;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;

/**
 * Steps one puzzle through an HRM (or a TRM: the same schedule, its answer update in the H slot) one update at a
 * time, forward and back.
 *
 * <p>The carry starts at H_init/L_init and runs on across segments without reset, as in the reference's evaluation.
 * Memory stays flat in the number of updates within a segment: only the carry at each segment start is kept, and
 * going back replays from there (the computation is deterministic, so states are bit-identical).
 *
 * <p>Not thread-safe: use a stepper from one thread (the engine thread), and hand {@link StepSnapshot}s to others.
 */
public final class HrmStepper {
    private final HrmModel model;
    private final HrmConfig config;
    private final StepSchedule schedule;
    private final int maxSegments;
    private final HrmState state;
    private final List<float[][]> segmentStarts = new ArrayList<>();
    private final int stateSize;
    private final int prefixSize;
    private Readout readout = Readout.HIGH_STATE;
    private int done;
    private StepSnapshot current;
    private final float[] prevL;
    private final float[] prevH;

    /**
     * @param model       the model; its config's H/L cycles define the schedule (use a model built with overrides)
     * @param tokens      {@code [seqLen]} input tokens (not modified)
     * @param puzzleId    the puzzle identifier (0 when the model has no puzzle embedding)
     * @param maxSegments the most ACT segments this stepper will run
     */
    public HrmStepper(HrmModel model, int[] tokens, int puzzleId, int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("max segments must be >= 1");
        }
        this.model = model;
        this.config = model.config();
        this.schedule = new StepSchedule(config.hCycles(), config.lCycles());
        this.maxSegments = maxSegments;
        this.state = model.newState(1);
        this.stateSize = config.totalSeqLen() * config.hiddenSize();
        this.prefixSize = config.puzzleEmbLen() * config.hiddenSize();
        this.prevL = new float[stateSize];
        this.prevH = new float[stateSize];
        model.embed(state, tokens.clone(), new int[] {puzzleId});
        model.resetCarry(state, 0);
        segmentStarts.add(copyCarry());
    }

    /** @return the update schedule */
    public StepSchedule schedule() {
        return schedule;
    }

    /** @return the model's architecture */
    public HrmConfig config() {
        return config;
    }

    /** @return the maximum number of segments */
    public int maxSegments() {
        return maxSegments;
    }

    /** @return the number of updates applied so far (the current snapshot's index + 1) */
    public int updatesDone() {
        return done;
    }

    /** @return the total number of updates in {@code maxSegments} segments */
    public int totalUpdates() {
        return maxSegments * schedule.updatesPerSegment();
    }

    /** @return the snapshot after the last update, or null before the first */
    public StepSnapshot current() {
        return current;
    }

    /** @return the kind of the next update, or null when all segments are done */
    public UpdateKind nextKind() {
        return done < totalUpdates() ? schedule.kind(done) : null;
    }

    /**
     * Chooses the read-out every snapshot from now on carries besides the high state's: the paper's Fig. 7 decode
     * (one extra H-update per snapshot) or the low state through the output head. {@link Readout#HIGH_STATE} computes
     * none other.
     */
    public void setReadout(Readout readout) {
        this.readout = java.util.Objects.requireNonNull(readout, "readout");
    }

    /** @return the read-out snapshots carry besides the high state's ({@link Readout#HIGH_STATE}: none) */
    public Readout readout() {
        return readout;
    }

    /**
     * @return a snapshot of the initial carry (H_init/L_init broadcast), with index -1, no kind, segment 0 and zero
     *         relative change; the stepper's position is not changed
     */
    public StepSnapshot initialSnapshot() {
        float[][] carry = segmentStarts.get(0);
        float[] zl = new float[stateSize];
        float[] zh = new float[stateSize];
        state.copyZL(zl);
        state.copyZH(zh);
        state.setCarry(carry[0], carry[1]);
        StepSnapshot s = snapshot(-1, null, carry[0], carry[1]);
        state.setCarry(zl, zh);
        return s;
    }

    /** Applies the next update, whatever its kind. @return its snapshot */
    public StepSnapshot step() {
        if (done >= totalUpdates()) {
            throw new IllegalStateException("all " + maxSegments + " segments are done");
        }
        return apply(true);
    }

    /** Applies the next update, which must be an L-update. */
    public StepSnapshot stepL() {
        expect(UpdateKind.L);
        return step();
    }

    /** Applies the next update, which must be an H-update. */
    public StepSnapshot stepH() {
        expect(UpdateKind.H);
        return step();
    }

    /** Runs to the end of the current segment (or the next one if at a boundary). */
    public StepSnapshot stepSegment() {
        StepSnapshot s = step();
        while (!s.endsSegment()) {
            s = step();
        }
        return s;
    }

    /**
     * Runs segments until the Q head halts (the model's {@link HrmConfig#haltRule}: {@code q_halt > q_continue}, or
     * {@code q_halt > 0} for TRM) or the last segment ends.
     */
    public StepSnapshot runToHalt() {
        StepSnapshot s = current;
        while (done < totalUpdates()) {
            s = stepSegment();
            if (s.wantsToHalt()) {
                break;
            }
        }
        return s;
    }

    /** Goes back one update (to the initial state when at the first). @return the snapshot there, or null */
    public StepSnapshot back() {
        return seek(done - 2);
    }

    /**
     * Moves to just after update {@code index} (-1 = the initial state), replaying from the nearest segment start.
     *
     * @return the snapshot at {@code index}, or null for -1
     */
    public StepSnapshot seek(int index) {
        if (index < -1 || index >= totalUpdates()) {
            throw new IllegalArgumentException("update " + index + " outside [-1, " + totalUpdates() + ")");
        }
        if (index + 1 == done) {
            return current;
        }
        int segment = Math.max(0, index) / schedule.updatesPerSegment();
        if (index + 1 < done) {
            int start = Math.min(segment, segmentStarts.size() - 1);
            float[][] carry = segmentStarts.get(start);
            state.setCarry(carry[0], carry[1]);
            done = start * schedule.updatesPerSegment();
            current = null;
        }
        while (done < index) {
            apply(false);
        }
        if (index == -1) {
            current = null;
            return null;
        }
        return apply(true);
    }

    private void expect(UpdateKind kind) {
        UpdateKind next = nextKind();
        if (next != kind) {
            throw new IllegalStateException("the schedule's next update is " + (next == null ? "none" : next)
                    + ", not " + kind);
        }
    }

    private StepSnapshot apply(boolean snapshot) {
        int index = done;
        UpdateKind kind = schedule.kind(index);
        if (snapshot) {
            state.copyZL(prevL);
            state.copyZH(prevH);
        }
        if (kind == UpdateKind.L) {
            model.lUpdate(state);
        } else {
            model.hUpdate(state);
        }
        done++;
        if (schedule.endsSegment(index) && segmentStarts.size() == schedule.segment(index) + 1) {
            segmentStarts.add(copyCarry());
        }
        current = snapshot ? snapshot(index, kind, prevL, prevH) : null;
        return current;
    }

    private StepSnapshot snapshot(int index, UpdateKind kind, float[] beforeL, float[] beforeH) {
        float[] zl = new float[stateSize];
        float[] zh = new float[stateSize];
        state.copyZL(zl);
        state.copyZH(zh);
        int seq = config.seqLen();
        int vocab = config.vocabSize();
        float[] logits = new float[seq * vocab];
        model.logits(state, logits);
        int[] predicted = new int[seq];
        float[] confidence = new float[seq];
        Decoding.argmaxWithSoftmax(logits, vocab, predicted, confidence);
        int[] other = null;
        float[] otherConfidence = null;
        if (readout != Readout.HIGH_STATE) {
            float[] otherLogits = new float[seq * vocab];
            if (readout == Readout.PREVIEW_H_UPDATE) {
                model.previewLogits(state, otherLogits);
            } else {
                model.lowStateLogits(state, otherLogits);
            }
            other = new int[seq];
            otherConfidence = new float[seq];
            Decoding.argmaxWithSoftmax(otherLogits, vocab, other, otherConfidence);
        }
        float[] q = new float[2];
        model.qLogits(state, q);
        if (index < 0) {
            return new StepSnapshot(-1, null, 0, 0, -1, false, config.totalSeqLen(), config.hiddenSize(), zl, zh,
                    logits, predicted, confidence, readout, other, otherConfidence, q[0], q[1], 0, 0, new float[seq],
                    config.haltRule());
        }
        float[] written = kind == UpdateKind.L ? StateChange.perPosition(zl, beforeL, config.hiddenSize(),
                config.puzzleEmbLen()) : StateChange.perPosition(zh, beforeH, config.hiddenSize(),
                config.puzzleEmbLen());
        return new StepSnapshot(index, kind, schedule.segment(index), schedule.hCycle(index), schedule.lStep(index),
                schedule.endsSegment(index), config.totalSeqLen(), config.hiddenSize(), zl, zh, logits, predicted,
                confidence, readout, other, otherConfidence, q[0], q[1], relativeChange(zl, beforeL),
                relativeChange(zh, beforeH), written, config.haltRule());
    }

    private double relativeChange(float[] now, float[] before) {
        double diff = 0;
        double base = 0;
        for (int i = prefixSize; i < now.length; i++) {
            double d = now[i] - before[i];
            diff += d * d;
            base += (double) before[i] * before[i];
        }
        return base == 0 ? 0 : Math.sqrt(diff / base);
    }

    private float[][] copyCarry() {
        float[] zl = new float[stateSize];
        float[] zh = new float[stateSize];
        state.copyZL(zl);
        state.copyZH(zh);
        return new float[][] {zl, zh};
    }
}
