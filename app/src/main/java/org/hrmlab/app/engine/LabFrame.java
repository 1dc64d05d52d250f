package org.hrmlab.app.engine;

import java.util.Objects;

import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.viz.grid.HeatmapData;

/**
 * The model's state after one update, as the lab shows it. Immutable: arrays are copied in and out.
 *
 * @param index global update index in the run; 0 is the initial state
 * @param segment ACT segment, from 1 (0 for the initial state)
 * @param hCycle H cycle inside the segment, from 1
 * @param lStep L step inside the H cycle, from 1 (0 for an H-update)
 * @param decoded the decoded grid in the puzzle's own cell values (see {@code LabPuzzle})
 * @param confidence per-cell probability of the decoded value (softmax of the logits the decode took its argmax of),
 *                   same length as {@code decoded}'s cells, or empty
 * @param stateChange per cell of {@code decoded}, how much the state this update wrote moved ({@link CellChange});
 *                    {@link CellChange#NONE} at the initial state. Light frames keep it: the board shows it
 * @param zL low-level state {@code [prefix + seqLen, hidden]}; {@link HeatmapData#EMPTY} in a light frame
 * @param zH high-level state, same shape
 * @param residualL {@code ||zL_i - zL_i-1|| / ||zL_i-1||} at an L-update, NaN otherwise
 * @param residualH the same for zH at an H-update, NaN otherwise
 * @param qHalt Q halt logit at a segment end, NaN otherwise
 * @param qContinue Q continue logit at a segment end, NaN otherwise
 * @param halted whether the run stopped after this update
 */
public record LabFrame(int index, UpdateKind kind, int segment, int hCycle, int lStep, CellGrid decoded,
                       float[] confidence, CellChange stateChange, HeatmapData zL, HeatmapData zH,
                       double residualL, double residualH, double qHalt, double qContinue, boolean segmentEnd,
                       boolean halted, Verdict verdict) {

    public LabFrame {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(zL, "zL");
        Objects.requireNonNull(zH, "zH");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(stateChange, "stateChange");
        if (confidence.length != 0 && confidence.length != decoded.size()) {
            throw new IllegalArgumentException("confidence has " + confidence.length + " cells, grid has "
                    + decoded.size());
        }
        if (!stateChange.isEmpty() && stateChange.size() != decoded.size()) {
            throw new IllegalArgumentException("state change has " + stateChange.size() + " cells, grid has "
                    + decoded.size());
        }
        confidence = confidence.clone();
    }

    /** A frame without per-cell state change ({@link CellChange#NONE}). */
    public LabFrame(int index, UpdateKind kind, int segment, int hCycle, int lStep, CellGrid decoded,
                    float[] confidence, HeatmapData zL, HeatmapData zH, double residualL, double residualH,
                    double qHalt, double qContinue, boolean segmentEnd, boolean halted, Verdict verdict) {
        this(index, kind, segment, hCycle, lStep, decoded, confidence, CellChange.NONE, zL, zH, residualL, residualH,
                qHalt, qContinue, segmentEnd, halted, verdict);
    }

    @Override
    public float[] confidence() {
        return confidence.clone();
    }

    /** This frame without its hidden states: what the timeline keeps for every update. */
    public LabFrame lite() {
        if (zL.isEmpty() && zH.isEmpty()) {
            return this;
        }
        return new LabFrame(index, kind, segment, hCycle, lStep, decoded, confidence, stateChange, HeatmapData.EMPTY,
                HeatmapData.EMPTY, residualL, residualH, qHalt, qContinue, segmentEnd, halted, verdict);
    }

    public boolean hasStates() {
        return !zL.isEmpty() || !zH.isEmpty();
    }

    /** sigmoid(qHalt), NaN when not a segment end. */
    public double haltProbability() {
        return 1 / (1 + Math.exp(-qHalt));
    }

    /** sigmoid(qContinue), NaN when not a segment end. */
    public double continueProbability() {
        return 1 / (1 + Math.exp(-qContinue));
    }
}
