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
        assertEquals("sudoku", manifest.path("puzzle_kind").asText(), "the kind its model file tells");
    }

    /**
     * {@code trace --decode latent} on the reference TRM fixture records readout.npy: at every update, the argmax of
     * the output head on the latent z the reference recorded; {@code --decode paper} and the older
     * {@code --paper-decode} record the Fig. 7 read-out, a bad value is one usage line.
     */
    @Test
    void recordsTheLatentReadoutOfEveryUpdate() throws Exception {
        Path trm = TestData.TRM_GOLDEN.resolve("trm-sudoku-small");
        Path ckpt = trm.resolve("checkpoint/step_0");
        Path out = dir.resolve("latent");
        CliRun run = CliRun.of("trace", "--checkpoint", ckpt.toString(), "--tokens",
                trm.resolve("golden/inputs.npy").toString(), "--puzzle-id",
                Integer.toString(Npy.read(trm.resolve("golden/puzzle_identifiers.npy")).toInts()[0]), "--decode",
                "latent", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("latent", Json.MAPPER.readTree(run.out()).get("decode").asText());
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertEquals("latent", manifest.get("decode_mode").asText());
        assertEquals("low_state", manifest.get("readout").asText());
        NpyArray readout = Npy.read(out.resolve("readout.npy"));
        float[] zL = Npy.read(trm.resolve("golden/zL.npy")).toFloats();
        float[] head = org.hrmlab.engine.io.CheckpointLoader.load(ckpt).weights().get("lm_head.weight").data();
        int steps = (int) readout.shape()[0];
        int seq = (int) readout.shape()[1];
        int prefix = manifest.get("puzzle_emb_len").asInt();
        int d = zL.length / steps / (prefix + seq);
        int v = head.length / d;
        assertEquals(24, steps);
        int[] tokens = readout.toInts();
        for (int u = 0; u < steps; u++) {
            for (int t = 0; t < seq; t++) {
                int best = 0;
                double bestLogit = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    double l = 0;
                    for (int i = 0; i < d; i++) {
                        l += (double) zL[(u * (prefix + seq) + prefix + t) * d + i] * head[k * d + i];
                    }
                    if (l > bestLogit) {
                        bestLogit = l;
                        best = k;
                    }
                }
                assertEquals(best, tokens[u * seq + t], "update " + u + ", position " + t);
            }
        }

        String[] base = {"trace", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(), "--tokens",
            CASE.resolve("golden/inputs.npy").toString(), "--segments", "1"};
        for (String[] paper : new String[][] {{"--decode", "paper"}, {"--paper-decode"}}) {
            Path p = dir.resolve("paper" + paper.length);
            CliRun r = CliRun.of(concat(base, paper, "--out", p.toString()));
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("preview_h_update", Json.MAPPER.readTree(p.resolve("manifest.json").toFile())
                    .get("readout").asText());
        }
        CliRun plain = CliRun.of(concat(base, new String[0], "--out", dir.resolve("plain").toString()));
        assertEquals(0, plain.exitCode(), plain.err());
        assertFalse(Files.exists(dir.resolve("plain/readout.npy")));
        CliRun bad = CliRun.of(concat(base, new String[] {"--decode", "zz"}, "--out", dir.resolve("b").toString()));
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("'zz' is not one of direct, paper, latent"), bad.err());
        CliRun both = CliRun.of(concat(base, new String[] {"--paper-decode", "--decode", "latent"}, "--out",
                dir.resolve("c").toString()));
        assertEquals(2, both.exitCode());
        assertEquals(1, both.err().strip().lines().count(), both.err());
    }

    private static String[] concat(String[] a, String[] b, String... c) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
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
