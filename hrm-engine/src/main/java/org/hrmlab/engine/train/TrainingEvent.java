package org.hrmlab.engine.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Objects;

/**
 * One event of a training run: what {@code hrmlab train} prints on stdout, what {@code metrics.jsonl} holds and what
 * the lab's training screen reads, one JSON object per line. {@link #toJson} and {@link #parse} are the only writer and
 * reader of that format; the JSON names are the record components' {@code @JsonProperty} names, in their order, and {@code event}
 * names the kind: {@code train}, {@code eval}, {@code checkpoint}, {@code done} or {@code error}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrainingEvent.Train.class, name = "train"),
    @JsonSubTypes.Type(value = TrainingEvent.Eval.class, name = "eval"),
    @JsonSubTypes.Type(value = TrainingEvent.Checkpoint.class, name = "checkpoint"),
    @JsonSubTypes.Type(value = TrainingEvent.Done.class, name = "done"),
    @JsonSubTypes.Type(value = TrainingEvent.Failed.class, name = "error")})
public sealed interface TrainingEvent {

    /**
     * A logged training step, with means over the steps since the previous one.
     *
     * @param step              optimiser steps taken, from 1
     * @param totalSteps        steps the run will take in all (the schedule's total, or {@code max_steps})
     * @param epoch             epochs of data consumed
     * @param lr                learning rate of the step
     * @param loss              mean loss per example
     * @param lmLoss            mean token loss per example
     * @param qLoss             mean halt + continue loss per example
     * @param exactAccuracy     fraction of halted examples exactly right; null when none halted in the window
     * @param tokenAccuracy     mean token accuracy of the halted examples; null when none halted
     * @param meanSegments      mean segments the halted examples used; null when none halted
     * @param examplesPerSecond examples per second since this process started the run
     * @param elapsedSeconds    training time of the run so far, earlier sessions of a resumed run included
     * @param etaSeconds        estimated seconds to {@code totalSteps}, at the rate of this session
     */
    record Train(@JsonProperty("step") long step,
                 @JsonProperty("total_steps") long totalSteps,
                 @JsonProperty("epoch") double epoch,
                 @JsonProperty("lr") double lr,
                 @JsonProperty("loss") double loss,
                 @JsonProperty("lm_loss") double lmLoss,
                 @JsonProperty("q_loss") double qLoss,
                 @JsonProperty("exact_accuracy") Double exactAccuracy,
                 @JsonProperty("token_accuracy") Double tokenAccuracy,
                 @JsonProperty("mean_segments") Double meanSegments,
                 @JsonProperty("examples_per_second") double examplesPerSecond,
                 @JsonProperty("elapsed_s") double elapsedSeconds,
                 @JsonProperty("eta_s") double etaSeconds) implements TrainingEvent {

        /** @return {@code step / totalSteps} in 0..1, or -1 when the total is not known */
        public double fractionDone() {
            return totalSteps > 0 ? Math.min(1, Math.max(0, step / (double) totalSteps)) : -1;
        }
    }

    /**
     * An evaluation on the test split.
     *
     * @param qHaltAccuracy fraction of examples whose halt decision matched their correctness
     * @param count         examples evaluated
     */
    record Eval(@JsonProperty("step") long step,
                @JsonProperty("total_steps") long totalSteps,
                @JsonProperty("epoch") double epoch,
                @JsonProperty("exact_accuracy") double exactAccuracy,
                @JsonProperty("token_accuracy") double tokenAccuracy,
                @JsonProperty("mean_segments") double meanSegments,
                @JsonProperty("q_halt_accuracy") double qHaltAccuracy,
                @JsonProperty("count") int count,
                @JsonProperty("elapsed_s") double elapsedSeconds) implements TrainingEvent {
    }

    /** @param path the checkpoint, relative to the run folder */
    record Checkpoint(@JsonProperty("step") long step, @JsonProperty("path") String path) implements TrainingEvent {
        public Checkpoint {
            Objects.requireNonNull(path, "path");
        }
    }

    /** The run reached its last step. */
    record Done(@JsonProperty("step") long step,
                @JsonProperty("total_steps") long totalSteps,
                @JsonProperty("elapsed_s") double elapsedSeconds) implements TrainingEvent {
    }

    /** The run failed; {@code message} says why in one line. */
    record Failed(@JsonProperty("message") String message) implements TrainingEvent {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** @return the event as one line of JSON (no line break) */
    static String toJson(TrainingEvent event) {
        try {
            return TrainingEventCodec.WRITER.writeValueAsString(Objects.requireNonNull(event, "event"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event, e);
        }
    }

    /**
     * Reads one line written by {@link #toJson}. Fields it does not know are skipped, so lines from a newer HRM Lab
     * still read.
     *
     * @throws IllegalArgumentException when the line is not such an event
     */
    static TrainingEvent parse(String line) {
        TrainingEvent e;
        try {
            e = TrainingEventCodec.READER.readValue(line);
        } catch (JsonProcessingException | RuntimeException x) {
            throw new IllegalArgumentException("not a training event: " + line, x);
        }
        if (e == null) {
            throw new IllegalArgumentException("not a training event: " + line);
        }
        return e;
    }
}
