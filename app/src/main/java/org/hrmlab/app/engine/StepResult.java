package org.hrmlab.app.engine;

import java.util.List;

/**
 * What one stepper call produced.
 *
 * @param recorded the new updates, in order, as light frames (no hidden states)
 * @param current the last of them with its hidden states
 */
public record StepResult(List<LabFrame> recorded, LabFrame current) {
    public StepResult {
        recorded = List.copyOf(recorded);
    }

    public boolean isEmpty() {
        return recorded.isEmpty();
    }
}
