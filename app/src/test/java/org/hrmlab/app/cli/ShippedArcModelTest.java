package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped ARC model against what its card says: the held-out test inputs of the seven tasks it learned from
 * their demonstrations, scored by voting as the reference scores ARC, and alone under the task's own identifier.
 */
class ShippedArcModelTest {
    static final String RES = "/org/hrmlab/puzzles/";
    static final List<String> HELD_OUT = List.of("0d3d703e", "25ff71a9", "3c9b0459", "44f52bb0", "6150a2bd",
            "74dd1130", "a85d4709");
    static final List<String> TRAINING = List.of("25d8a9c8", "27a28665", "5582e5ca", "6e02f1e3", "794b24be",
            "9565186b", "d037b0a7", "ed36ccf7", "6ea4a07e");
    /** Test inputs ({@code task#k}) the card reports solved by the vote (top-1). */
    static final Set<String> VOTE_TOP1 = Set.of("0d3d703e#0", "25ff71a9#0", "25ff71a9#1", "44f52bb0#0");
    /** Test inputs the card reports solved by the model alone on the original task, with Q-halting (solve). */
    static final Set<String> SOLVE_ALONE = Set.of("25ff71a9#1");

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void copyModel() throws Exception {
        model = dir.resolve("arc.safetensors");
        copy(RES + "models/arc/model.safetensors", model);
    }

    /** Copies a class-path resource to a file (its folders made). */
    static void copy(String resource, Path to) throws Exception {
        try (InputStream in = ShippedArcModelTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Files.createDirectories(to.getParent());
            Files.copy(in, to);
        }
    }

    @Test
    void theVoteOverVariantsSolvesWhatTheCardSays() throws Exception {
        Path src = dir.resolve("tasks");
        for (String t : HELD_OUT) {
            copy(RES + "data/arc/" + t + ".json", src.resolve("evaluation/" + t + ".json"));
        }
        for (String t : TRAINING) {
            copy(RES + "data/arc/" + t + ".json", src.resolve("training/" + t + ".json"));
        }
        Path data = dir.resolve("data");
        CliRun build = CliRun.of("dataset", "build", "--kind", "arc", "--from", src.toString(), "--canvas", "4",
                "--aug", "20", "--seed", "42", "--out", data.toString());
        assertEquals(0, build.exitCode(), build.err());
        CliRun run = CliRun.of("eval", "--checkpoint", model.toString(), "--dataset", data.toString(), "--arc-vote");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode vote = Json.MAPPER.readTree(run.out()).get("arc_vote");
        assertEquals(9, vote.get("test_inputs").asInt());
        Set<String> solved = new HashSet<>();
        for (JsonNode t : vote.get("tasks")) {
            assertEquals(21, t.get("variants").asInt());
            if (t.get("top1").asBoolean()) {
                solved.add(t.get("task").asText() + "#" + t.get("test").asInt());
            }
        }
        assertEquals(VOTE_TOP1, solved);
    }

    @Test
    void aloneUnderItsOwnIdentifierItSolvesWhatTheCardSays() throws Exception {
        Set<String> solved = new HashSet<>();
        for (String task : HELD_OUT) {
            for (int k = 0; k < 2; k++) {
                CliRun run = CliRun.of("solve", "--checkpoint", model.toString(), "--puzzle",
                        "bundled:arc/" + task + "#" + k);
                if (k == 1 && run.exitCode() == 2) {
                    break;
                }
                assertEquals(0, run.exitCode(), run.err());
                JsonNode out = Json.MAPPER.readTree(run.out());
                assertNotEquals(0, out.get("puzzle_id").asInt(), task + " is found by name");
                if (out.get("correct").asBoolean()) {
                    solved.add(task + "#" + k);
                }
            }
        }
        assertEquals(SOLVE_ALONE, solved);
    }

    @Test
    void aTaskLargerThanTheCanvasIsRefusedInOneLine() {
        CliRun run = CliRun.of("solve", "--checkpoint", model.toString(), "--puzzle", "bundled:arc/007bbfb7");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("canvas"), run.err());
    }
}
