package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.puzzles.codec.ArcAugmentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped 10×10 ARC model against its card: the 88 held-out test inputs of the 77 ARC-AGI-1 evaluation tasks it
 * learned from their demonstrations (every task bundled), scored by the reference's vote over variants.
 */
class ShippedArc10x10ModelTest {
    static final String RES = "/org/hrmlab/puzzles/";
    /** Test inputs ({@code task#k}) the card reports solved by the vote (top-1). */
    static final Set<String> VOTE_TOP1 = Set.of("6ea4a07e#0", "6ea4a07e#1", "bbb1b8b6#0", "bbb1b8b6#1",
            "e133d23d#0", "e345f17b#0", "e345f17b#1");
    /** Test inputs the card reports solved with two attempts (pass@2). */
    static final Set<String> VOTE_PASS2 = Set.of("6ea4a07e#0", "6ea4a07e#1", "bbb1b8b6#0", "bbb1b8b6#1",
            "da2b0fe3#0", "e133d23d#0", "e345f17b#0", "e345f17b#1");

    @TempDir
    static Path dir;
    static Path model;
    static List<String> identifiers;

    @BeforeAll
    static void copyModel() throws Exception {
        model = dir.resolve("arc-10x10.safetensors");
        ShippedArcModelTest.copy(RES + "models/arc-10x10/model.safetensors", model);
        identifiers = CheckpointLoader.load(model).puzzleIdentifiers();
    }

    @Test
    void theVoteOverItsHeldOutTestInputsSolvesWhatTheCardSays() throws Exception {
        Path data = dir.resolve("data");
        String heldOut = "/org/hrmlab/app/arc-10x10-heldout/";
        ShippedArcModelTest.copy(heldOut + "identifiers.json", data.resolve("identifiers.json"));
        for (String f : List.of("dataset.json", "all__inputs.npy", "all__labels.npy", "all__puzzle_identifiers.npy",
                "all__puzzle_indices.npy", "all__group_indices.npy")) {
            ShippedArcModelTest.copy(heldOut + "test/" + f, data.resolve("test/" + f));
        }
        assertEquals(identifiers, Arrays.asList(Json.MAPPER.readValue(data.resolve("identifiers.json").toFile(),
                String[].class)), "the held-out split names the variants the model learned");
        List<String> tasks = identifiers.stream().skip(1)
                .filter(n -> ArcAugmentation.parseSuffix(n).isEmpty()).toList();
        assertEquals(77, tasks.size());
        for (String t : tasks) {
            assertNotNull(getClass().getResource(RES + "data/arc/" + t + ".json"), t + " is bundled");
        }

        CliRun run = CliRun.of("eval", "--checkpoint", model.toString(), "--dataset", data.toString(), "--arc-vote");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode vote = Json.MAPPER.readTree(run.out()).get("arc_vote");
        assertEquals(88, vote.get("test_inputs").asInt());
        Set<String> top1 = new HashSet<>();
        Set<String> pass2 = new HashSet<>();
        for (JsonNode t : vote.get("tasks")) {
            assertEquals(9, t.get("variants").asInt());
            String name = t.get("task").asText() + "#" + t.get("test").asInt();
            if (t.get("top1").asBoolean()) {
                top1.add(name);
            }
            if (t.get("pass2").asBoolean()) {
                pass2.add(name);
            }
        }
        assertEquals(VOTE_TOP1, top1);
        assertEquals(VOTE_PASS2, pass2);
    }
}
