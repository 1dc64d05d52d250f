package org.hrmlab.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON line of {@code hrmlab train}. Numbers that a line does not carry are NaN (step: -1).
 *
 * @param event "train", "eval", "checkpoint", "done", "error" (or "train" when the line has none)
 * @param text the checkpoint path or error message, else empty
 */
public record TrainingLine(String event, long step, double epoch, double lr, double loss, double lmLoss, double qLoss,
                           double exactAccuracy, double tokenAccuracy, double meanSegments, double examplesPerSecond,
                           double elapsedSeconds, long totalSteps, String text) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses one stdout line; throws {@link IllegalArgumentException} if it is not a JSON object. */
    public static TrainingLine parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON line: " + line, e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + line);
        }
        String event = n.path("event").asText("train");
        String text = n.has("path") ? n.path("path").asText() : n.path("message").asText("");
        return new TrainingLine(event, n.path("step").asLong(-1), num(n, "epoch"), num(n, "lr"), num(n, "loss"),
                num(n, "lm_loss"), num(n, "q_loss"), num(n, "exact_accuracy"), num(n, "token_accuracy"),
                num(n, "mean_segments"), num(n, "examples_per_second"), num(n, "elapsed_s"),
                n.path("total_steps").asLong(-1), text);
    }

    private static double num(JsonNode n, String field) {
        var v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    public boolean isTrain() {
        return event.equals("train");
    }

    public boolean isEval() {
        return event.equals("eval");
    }
}
