package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingEventTest {
    @Test
    void everyKindRoundTrips() {
        List<TrainingEvent> events = List.of(
                new TrainingEvent.Train(3, 10, 0.75, 1e-4, 1.5, 1.25, 0.5, 0.25, 0.875, 3.5, 120.5, 2.5, 5.8),
                new TrainingEvent.Train(1, 10, 0.25, 1e-4, Double.NaN, 1.25, 0.5, null, null, null, 10, 0.5, 4.5),
                new TrainingEvent.Eval(4, 10, 1, 0.5, 0.75, 2.5, 0.625, 8, 3.25),
                new TrainingEvent.Checkpoint(4, "checkpoints/step_4.safetensors"),
                new TrainingEvent.Done(10, 10, 12.5),
                new TrainingEvent.Failed("run.yaml: field 'lr' must be a number, got 'fast'"));
        for (TrainingEvent e : events) {
            String line = TrainingEvent.toJson(e);
            assertTrue(!line.contains("\n"), line);
            assertEquals(e, TrainingEvent.parse(line), line);
        }
    }

    @Test
    void theWireNamesAreTheDocumentedOnes() {
        assertEquals("{\"event\":\"train\",\"step\":3,\"total_steps\":10,\"epoch\":0.75,\"lr\":1.0E-4,\"loss\":1.5,"
                + "\"lm_loss\":1.25,\"q_loss\":0.5,\"exact_accuracy\":null,\"token_accuracy\":0.875,"
                + "\"mean_segments\":3.5,\"examples_per_second\":120.5,\"elapsed_s\":2.5,\"eta_s\":5.8}",
                TrainingEvent.toJson(new TrainingEvent.Train(3, 10, 0.75, 1e-4, 1.5, 1.25, 0.5, null, 0.875, 3.5,
                        120.5, 2.5, 5.8)));
        assertEquals("{\"event\":\"checkpoint\",\"step\":4,\"path\":\"checkpoints/step_4.safetensors\"}",
                TrainingEvent.toJson(new TrainingEvent.Checkpoint(4, "checkpoints/step_4.safetensors")));
        assertEquals("{\"event\":\"error\",\"message\":\"bad\"}", TrainingEvent.toJson(new TrainingEvent.Failed("bad")));
    }

    @Test
    void progressNeedsATotal() {
        var known = new TrainingEvent.Train(3, 12, 0, 0, 0, 0, 0, null, null, null, 0, 1, 3);
        assertEquals(0.25, known.fractionDone(), 1e-12);
        var old = (TrainingEvent.Train) TrainingEvent.parse("{\"event\":\"train\",\"step\":5,\"loss\":0.5,\"new\":1}");
        assertEquals(-1, old.fractionDone(), "a line without total_steps has no progress");
    }

    @Test
    void otherLinesAreRefused() {
        for (String line : List.of("", "hello", "[1]", "{\"step\":5}", "{\"event\":\"nonsense\"}",
                "{\"event\":\"checkpoint\",\"step\":1}")) {
            assertThrows(IllegalArgumentException.class, () -> TrainingEvent.parse(line), line);
        }
    }
}
