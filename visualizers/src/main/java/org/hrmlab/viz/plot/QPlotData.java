package org.hrmlab.viz.plot;

/**
 * The Q head per segment of one trajectory.
 *
 * @param title               e.g. the trajectory's name
 * @param haltProbability     sigmoid(q_halt) per segment
 * @param continueProbability sigmoid(q_continue) per segment
 * @param halts               whether q_halt > q_continue per segment
 * @param correct             whether the answer at the segment's end is right (null when unknown)
 * @param subtitle            the settings
 */
public record QPlotData(String title, double[] haltProbability, double[] continueProbability, boolean[] halts,
        boolean[] correct, String subtitle) {
}
