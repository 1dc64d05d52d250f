package org.hrmlab.engine.analysis;

/**
 * The Q head at the end of one ACT segment.
 *
 * @param segment             the segment (0-based)
 * @param qHalt               the halt logit
 * @param qContinue           the continue logit
 * @param haltProbability     sigmoid(qHalt)
 * @param continueProbability sigmoid(qContinue)
 * @param halts               whether the model would halt here (qHalt > qContinue; qHalt > 0 for TRM with
 *                             no_ACT_continue)
 * @param correct             whether the decoded answer at the segment's last step is exactly right (false when
 *                            the answer is unknown; see {@link DecodedProgress#hasLabels()})
 */
public record QSegment(int segment, double qHalt, double qContinue, double haltProbability,
        double continueProbability, boolean halts, boolean correct) {

    /** @return the logistic function 1 / (1 + e^−x) */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
