package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.app.TestData;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
    static final Path CASE = TestData.SUDOKU_SMALL;

    @TempDir
    Path dir;

    @Test
    void writesATraceInTheGoldenLayoutThatMatchesTheReference() throws Exception {
        Path out = dir.resolve("trace");
        CliRun run = CliRun.of("trace", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--tokens", CASE.resolve("golden/inputs.npy").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = Json.MAPPER.readTree(run.out());
        assertEquals(18, summary.get("steps").asInt());
        assertEquals(3, summary.get("q").size());
        for (String name : new String[] {"zL", "zH", "logits", "q"}) {
            NpyArray got = Npy.read(out.resolve(name + ".npy"));
            NpyArray want = Npy.read(CASE.resolve("golden/" + name + ".npy"));
            assertArrayEquals(want.shape(), got.shape(), name);
            float[] g = got.toFloats();
            float[] w = want.toFloats();
            for (int i = 0; i < g.length; i++) {
                assertEquals(w[i], g[i], 1e-4, name + "[" + i + "]");
            }
        }
        JsonNode steps = Json.MAPPER.readTree(out.resolve("steps.json").toFile());
        JsonNode golden = Json.MAPPER.readTree(CASE.resolve("golden/manifest.json").toFile()).get("steps");
        for (int i = 0; i < steps.size(); i++) {
            for (String f : new String[] {"kind", "segment", "h_cycle", "l_step"}) {
                assertEquals(golden.get(i).get(f), steps.get(i).get(f), f + " of step " + i);
            }
        }
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertEquals(64, manifest.get("checkpoint_sha256").asText().length());
    }

    @Test
    void overridesCyclesAndSegmentsAtInferenceTime() throws Exception {
        Path out = dir.resolve("t2");
        CliRun run = CliRun.of("trace", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--tokens", CASE.resolve("golden/inputs.npy").toString(), "--segments", "2", "--h-cycles", "3",
                "--l-cycles", "1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2 * 3 * 2, Npy.header(out.resolve("zL.npy")).shape()[0]);
    }

    @Test
    void badInputExitsWithStatusTwoAndOneLine() throws Exception {
        Path tokens = dir.resolve("bad.npy");
        Npy.write(tokens, NpyArray.ofInts(new int[81], 81));
        int[] big = new int[81];
        big[3] = 99;
        Npy.write(tokens, NpyArray.ofInts(big, 81));
        CliRun run = CliRun.of("trace", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--tokens", tokens.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("token 99"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());

        Path notCkpt = dir.resolve("junk");
        Files.writeString(notCkpt, "junk");
        run = CliRun.of("trace", "--checkpoint", notCkpt.toString(), "--tokens", tokens.toString(), "--out", "x");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(notCkpt.toString()), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void inputsOfTheWrongLengthAreRefusedNamingTheFileAndBothLengths() throws Exception {
        Path tokens = dir.resolve("seven.npy");
        Npy.write(tokens, NpyArray.ofInts(new int[] {1, 2, 3, 4, 5, 6, 7}, 7));
        Path out = dir.resolve("never");
        CliRun run = CliRun.of("trace", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--tokens", tokens.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(tokens.toString()), run.err());
        assertTrue(run.err().contains("7 tokens") && run.err().contains("takes 81"), run.err());
        assertTrue(run.err().contains("9x9 Sudoku"), "says why 81: " + run.err());
        assertFalse(Files.exists(out), "nothing is written");
        assertEquals("", run.out());
    }

    @Test
    void aModelWithNonFiniteWeightsIsRefusedNamingTheFileAndTensor() throws Exception {
        Path model = org.hrmlab.app.TestModels.withNaN(dir.resolve("nan.safetensors"),
                org.hrmlab.app.TestModels.tiny(11), "lm_head.weight");
        Path out = dir.resolve("never");
        CliRun run = CliRun.of("trace", "--checkpoint", model.toString(),
                "--tokens", CASE.resolve("golden/inputs.npy").toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(model.toString()) && run.err().contains("'lm_head.weight'")
                && run.err().contains("non-finite"), run.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void opensTrmCheckpointsOfBothVariantsAndMatchesTheReferenceTrm() throws Exception {
        for (String name : new String[] {"trm-sudoku-small", "trm-mlp-small"}) {
            Path golden = TestData.TRM_GOLDEN.resolve(name);
            Path out = dir.resolve(name);
            CliRun run = CliRun.of("trace", "--checkpoint", golden.resolve("checkpoint/step_0").toString(),
                    "--tokens", golden.resolve("golden/inputs.npy").toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            JsonNode summary = Json.MAPPER.readTree(run.out());
            int steps = (int) Npy.header(golden.resolve("golden/zL.npy")).shape()[0];
            assertEquals(steps, summary.get("steps").asInt(), name);
            for (String array : new String[] {"zL", "zH", "logits", "q"}) {
                NpyArray got = Npy.read(out.resolve(array + ".npy"));
                NpyArray want = Npy.read(golden.resolve("golden/" + array + ".npy"));
                assertArrayEquals(want.shape(), got.shape(), name + " " + array);
                float[] g = got.toFloats();
                float[] w = want.toFloats();
                for (int i = 0; i < g.length; i++) {
                    assertEquals(w[i], g[i], 1e-4, name + " " + array + "[" + i + "]");
                }
            }
            JsonNode trace = Json.MAPPER.readTree(out.resolve("steps.json").toFile());
            JsonNode want = Json.MAPPER.readTree(golden.resolve("golden/manifest.json").toFile()).get("steps");
            for (int i = 0; i < trace.size(); i++) {
                for (String f : new String[] {"kind", "segment", "h_cycle", "l_step"}) {
                    assertEquals(want.get(i).get(f), trace.get(i).get(f), name + ": " + f + " of step " + i);
                }
            }
            JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
            assertEquals("trm", manifest.get("config").get("family").asText());
            assertEquals(16, manifest.get("puzzle_emb_len").asInt());
        }
    }

    @Test
    void aTrmMlpModelRefusesAnotherSequenceLengthInOneLine() throws Exception {
        Path tokens = dir.resolve("short.npy");
        Npy.write(tokens, NpyArray.ofInts(new int[16], 16));
        CliRun run = CliRun.of("trace", "--checkpoint",
                TestData.TRM_GOLDEN.resolve("trm-mlp-small/checkpoint/step_0").toString(), "--tokens",
                tokens.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("16 tokens") && run.err().contains("takes 81"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
