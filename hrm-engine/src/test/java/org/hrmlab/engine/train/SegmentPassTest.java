package org.hrmlab.engine.train;

import org.hrmlab.engine.HrmConfig;
import org.junit.jupiter.api.Test;

/**
 * The HRM's training segment (its no-grad updates, then the last L- and H-update with activations kept) computes what
 * the stepping model computes for a whole segment: carry, logits and Q, and the no-grad segment of the continue
 * target. Both run {@code model.ModelForward}; this checks the split of the update order and the kept forward.
 */
class SegmentPassTest {
    @Test
    void anHrmTrainingSegmentComputesWhatTheModelSteps() {
        TrmRecursionTest.segmentMatchesInference(HrmConfig.builder().seqLen(5).vocabSize(6).numPuzzleIdentifiers(3)
                .puzzleEmbNdim(12).hiddenSize(8).numHeads(2).expansion(1).hLayers(2).lLayers(1).hCycles(2)
                .lCycles(3).haltMaxSteps(3).haltExplorationProb(0).posEncodings("learned").build());
        TrmRecursionTest.segmentMatchesInference(HrmConfig.builder().seqLen(7).vocabSize(5).numPuzzleIdentifiers(2)
                .puzzleEmbNdim(16).hiddenSize(16).numHeads(4).expansion(2).hLayers(1).lLayers(2).hCycles(3)
                .lCycles(2).haltMaxSteps(2).haltExplorationProb(0).build());
    }
}
