package org.hrmlab.engine.train;

/** Receives a training run's progress: one JSON object per line, as written to {@code metrics.jsonl}. */
@FunctionalInterface
public interface TrainingListener {
    /** @param jsonLine one JSON object without a line break; its {@code event} is train, eval, checkpoint or done */
    void onLine(String jsonLine);
}
