package org.hrmlab.engine.train;

/** Receives a training run's events, each as it is also written to {@code metrics.jsonl}. */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}
