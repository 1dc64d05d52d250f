package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped ARC model solves the test inputs of the real tasks it was trained on (their demonstrations only). */
class ShippedArcModelTest {
    /** The tasks whose test inputs the model card says it solves, with how many test inputs each has. */
    static final String[] SOLVED = {"TODO"};

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void copyModel() throws Exception {
        model = dir.resolve("arc.safetensors");
        try (InputStream in = ShippedArcModelTest.class.getResourceAsStream(
                "/org/hrmlab/puzzles/models/arc/model.safetensors")) {
            assertNotNull(in, "the ARC model is shipped");
            Files.copy(in, model);
        }
    }

    @Test
    void solvesTheTestInputsOfItsTasksUnderTheirOwnIdentifiers() throws Exception {
        for (String task : SOLVED) {
            CliRun run = CliRun.of("solve", "--checkpoint", model.toString(), "--puzzle", "bundled:arc/" + task);
            assertEquals(0, run.exitCode(), run.err());
            JsonNode out = Json.MAPPER.readTree(run.out());
            assertNotEquals(0, out.get("puzzle_id").asInt(), task + " is found by name");
            assertTrue(out.get("correct").asBoolean(), task + ": " + out.get("predicted_grid"));
        }
    }

    @Test
    void withoutItsIdentifierTheModelDoesNotKnowTheTask() throws Exception {
        int wrong = 0;
        for (String task : SOLVED) {
            CliRun run = CliRun.of("solve", "--checkpoint", model.toString(), "--puzzle", "bundled:arc/" + task,
                    "--puzzle-id", "0");
            assertEquals(0, run.exitCode(), run.err());
            wrong += Json.MAPPER.readTree(run.out()).get("correct").asBoolean() ? 0 : 1;
        }
        assertTrue(wrong > 0, "the blank identifier carries no task rule");
    }

    @Test
    void aTaskLargerThanTheCanvasIsRefusedInOneLine() {
        CliRun run = CliRun.of("solve", "--checkpoint", model.toString(), "--puzzle", "bundled:arc/007bbfb7");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("canvas"), run.err());
    }
}
