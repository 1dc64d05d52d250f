package org.hrmlab.engine.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import org.hrmlab.puzzles.io.NpyStreamWriter;

/** Writes trace directories in the HRM Lab layout (steps.json + manifest.json) from a state generator. */
final class SyntheticTraces {
    /** Fills one state {@code [positions, hidden]} for a latent at a step (-1: the initial state). */
    interface StateGenerator {
        void fill(Latent latent, int step, float[] state);
    }

    private SyntheticTraces() {
    }

    /** Fresh Gaussian values for every update. */
    static StateGenerator random(long seed) {
        Random rng = new Random(seed);
        return (latent, step, state) -> {
            for (int i = 0; i < state.length; i++) {
                state[i] = (float) rng.nextGaussian();
            }
        };
    }

    /**
     * @param segments segments; each has hCycles cycles of lCycles L-updates then one H-update
     * @param labels   target tokens {@code [seqLen]} or null for none
     * @return dir
     */
    static Path write(Path dir, int segments, int hCycles, int lCycles, int prefix, int seqLen, int hidden,
            int vocab, StateGenerator gen, int[] labels) throws IOException {
        Files.createDirectories(dir);
        int positions = prefix + seqLen;
        ObjectMapper json = new ObjectMapper();
        ArrayNode steps = json.createArrayNode();
        Random rng = new Random(seqLen * 31L + hidden);
        try (NpyStreamWriter zl = new NpyStreamWriter(dir.resolve("zL.npy"), positions, hidden);
                NpyStreamWriter zh = new NpyStreamWriter(dir.resolve("zH.npy"), positions, hidden);
                NpyStreamWriter lg = new NpyStreamWriter(dir.resolve("logits.npy"), seqLen, vocab)) {
            float[] l = new float[positions * hidden];
            float[] h = new float[positions * hidden];
            float[] logits = new float[seqLen * vocab];
            gen.fill(Latent.Z_L, -1, l);
            gen.fill(Latent.Z_H, -1, h);
            int index = 0;
            for (int s = 0; s < segments; s++) {
                for (int c = 0; c < hCycles; c++) {
                    for (int k = 0; k <= lCycles; k++) {
                        boolean isH = k == lCycles;
                        if (isH) {
                            gen.fill(Latent.Z_H, index, h);
                        } else {
                            gen.fill(Latent.Z_L, index, l);
                        }
                        zl.append(l);
                        zh.append(h);
                        for (int i = 0; i < logits.length; i++) {
                            logits[i] = (float) rng.nextGaussian();
                        }
                        lg.append(logits);
                        ObjectNode st = steps.addObject();
                        st.put("kind", isH ? "H" : "L");
                        st.put("segment", s);
                        st.put("h_cycle", c);
                        st.put("l_step", isH ? -1 : k);
                        index++;
                    }
                }
            }
        }
        float[] q = new float[segments * 2];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) rng.nextGaussian();
        }
        Npy.write(dir.resolve("q.npy"), NpyArray.ofFloats(q, segments, 2));
        json.writeValue(dir.resolve("steps.json").toFile(), steps);
        ObjectNode manifest = json.createObjectNode();
        manifest.put("puzzle_emb_len", prefix);
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        if (labels != null) {
            Npy.write(dir.resolve("labels.npy"), NpyArray.ofInts(labels, 1, labels.length));
        }
        return dir;
    }
}
