/**
 * Stepping one puzzle through the HRM one update at a time: the update schedule of an ACT segment, immutable
 * {@link org.hrmlab.engine.step.StepSnapshot}s for the views, and exact stepping back by deterministic replay.
 */
package org.hrmlab.engine.step;
