package org.hrmlab.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hrmlab.engine.HaltRule;
import org.hrmlab.engine.trace.TraceWriter;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;

/**
 * A recorded trace on disk (docs/cli.md "Trace files"; the golden layout): {@code zL.npy}, {@code zH.npy}
 * {@code [steps, prefix + seqLen, hidden]}, {@code logits.npy} {@code [steps, seqLen, vocab]}, {@code q.npy}
 * {@code [segments, 2]}, the per-step list in {@code steps.json} or in {@code manifest.json} under {@code steps},
 * and optionally {@code inputs.npy} and {@code labels.npy} ({@code [seqLen]} or {@code [1, seqLen]}).
 * Only headers and small files are read on opening; states are read one step at a time. Malformed files raise
 * {@link TraceFormatException} or {@link org.hrmlab.puzzles.io.NpyFormatException}, both naming the file.
 */
public final class TraceReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<TraceStep> steps;
    private final JsonNode manifest;
    private final int positions;
    private final int hidden;
    private final int prefixLength;
    private final int seqLen;
    private final int vocab;
    private final int[] inputs;
    private final int[] labels;
    private final float[] q;

    private TraceReader(Path dir, List<TraceStep> steps, JsonNode manifest, int positions, int hidden, int prefixLength,
            int vocab, int[] inputs, int[] labels, float[] q) {
        this.dir = dir;
        this.steps = List.copyOf(steps);
        this.manifest = manifest;
        this.positions = positions;
        this.hidden = hidden;
        this.prefixLength = prefixLength;
        this.seqLen = positions - prefixLength;
        this.vocab = vocab;
        this.inputs = inputs;
        this.labels = labels;
        this.q = q;
    }

    /**
     * Opens a trace directory and checks that its files agree with each other.
     *
     * @throws TraceFormatException if a file is missing or inconsistent (message names it)
     */
    public static TraceReader open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new TraceFormatException(dir, "not a trace directory");
        }
        JsonNode manifest = readJson(dir.resolve("manifest.json"), false);
        List<TraceStep> steps = readSteps(dir, manifest);
        Npy.Header zl = header(dir.resolve(Latent.Z_L.fileName()));
        Npy.Header zh = header(dir.resolve(Latent.Z_H.fileName()));
        for (Npy.Header h : List.of(zl, zh)) {
            if (!h.dtype().equals("f4") || h.shape().length != 3) {
                throw new TraceFormatException(dir.resolve(h == zl ? "zL.npy" : "zH.npy"),
                        "expected float32 [steps, positions, hidden], found " + h.dtype() + " "
                                + Arrays.toString(h.shape()));
            }
        }
        if (!Arrays.equals(zl.shape(), zh.shape())) {
            throw new TraceFormatException(dir.resolve("zH.npy"), "shape " + Arrays.toString(zh.shape())
                    + " differs from zL.npy " + Arrays.toString(zl.shape()));
        }
        int stepCount = Math.toIntExact(zl.shape()[0]);
        int positions = Math.toIntExact(zl.shape()[1]);
        int hidden = Math.toIntExact(zl.shape()[2]);
        if (steps.size() != stepCount) {
            throw new TraceFormatException(dir, "the step list has " + steps.size() + " entries but zL.npy has "
                    + stepCount + " steps");
        }
        int vocab = 0;
        int prefix = manifest != null && manifest.has("puzzle_emb_len") ? manifest.get("puzzle_emb_len").asInt() : -1;
        Path logitsFile = dir.resolve("logits.npy");
        if (Files.exists(logitsFile)) {
            Npy.Header lg = header(logitsFile);
            if (!lg.dtype().equals("f4") || lg.shape().length != 3 || lg.shape()[0] != stepCount) {
                throw new TraceFormatException(logitsFile, "expected float32 [" + stepCount
                        + ", seqLen, vocab], found " + lg.dtype() + " " + Arrays.toString(lg.shape()));
            }
            int fromLogits = positions - Math.toIntExact(lg.shape()[1]);
            if (prefix >= 0 && prefix != fromLogits) {
                throw new TraceFormatException(logitsFile, "seqLen " + lg.shape()[1] + " disagrees with puzzle_emb_len "
                        + prefix + " and " + positions + " state positions");
            }
            prefix = fromLogits;
            vocab = Math.toIntExact(lg.shape()[2]);
        }
        if (prefix < 0 || prefix >= positions) {
            throw new TraceFormatException(dir, "cannot tell the prefix length: no logits.npy and no puzzle_emb_len");
        }
        int seqLen = positions - prefix;
        int[] inputs = readTokens(dir.resolve("inputs.npy"), seqLen);
        int[] labels = readTokens(dir.resolve("labels.npy"), seqLen);
        float[] q = new float[0];
        Path qFile = dir.resolve("q.npy");
        if (Files.exists(qFile)) {
            NpyArray qa = readNpy(qFile);
            if (qa.shape().length != 2 || qa.shape()[1] != 2) {
                throw new TraceFormatException(qFile, "expected [segments, 2], found " + Arrays.toString(qa.shape()));
            }
            q = qa.toFloats();
        }
        return new TraceReader(dir, steps, manifest, positions, hidden, prefix, vocab, inputs, labels, q);
    }

    /** @return the trace directory */
    public Path directory() {
        return dir;
    }

    /** @return the recorded updates, in order */
    public List<TraceStep> steps() {
        return steps;
    }

    /** @return the number of recorded updates */
    public int stepCount() {
        return steps.size();
    }

    /** @return prefix + seqLen: positions per state */
    public int positions() {
        return positions;
    }

    /** @return the hidden size */
    public int hidden() {
        return hidden;
    }

    /** @return the number of puzzle-embedding prefix positions */
    public int prefixLength() {
        return prefixLength;
    }

    /** @return the number of puzzle token positions */
    public int seqLen() {
        return seqLen;
    }

    /** @return the vocabulary size of the logits, 0 when the trace has no logits */
    public int vocab() {
        return vocab;
    }

    /** @return the manifest, when the trace has one */
    public Optional<JsonNode> manifest() {
        return Optional.ofNullable(manifest);
    }

    /**
     * @return the kind of puzzle traced ({@code sudoku}, {@code maze}, {@code arc}) as its manifest records it, empty
     *         when it does not
     */
    public Optional<String> puzzleKind() {
        return manifest().map(m -> m.get(TraceWriter.PUZZLE_KIND))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /**
     * @return the recorded model's halting rule: {@code q_halt > 0} when its manifest's config says TRM's
     *         no_ACT_continue (HRM Lab's {@code noActContinue}, the reference's {@code no_ACT_continue}), else
     *         {@code q_halt > q_continue}
     */
    public HaltRule haltRule() {
        JsonNode config = manifest == null ? null : manifest.get("config");
        boolean alone = config != null && (config.path("noActContinue").asBoolean(false)
                || config.path("no_ACT_continue").asBoolean(false));
        return alone ? HaltRule.HALT_POSITIVE : HaltRule.HALT_ABOVE_CONTINUE;
    }

    /** @return the input tokens {@code [seqLen]} (a copy), when the trace has {@code inputs.npy} */
    public Optional<int[]> inputs() {
        return Optional.ofNullable(inputs).map(int[]::clone);
    }

    /** @return the target tokens {@code [seqLen]} (a copy), when the trace has {@code labels.npy} */
    public Optional<int[]> labels() {
        return Optional.ofNullable(labels).map(int[]::clone);
    }

    /** @return the number of segments with recorded Q logits */
    public int qSegments() {
        return q.length / 2;
    }

    /** @return (halt, continue) Q logits at the end of a segment */
    public float[] qLogits(int segment) {
        return new float[] {q[2 * segment], q[2 * segment + 1]};
    }

    /** @return the index of the last step of every segment, in segment order */
    public int[] segmentEnds() {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i == steps.size() - 1 || steps.get(i + 1).segment() != steps.get(i).segment()) {
                ends.add(i);
            }
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the step indices chosen by a selection, ascending */
    public int[] select(UpdateSelection selection) {
        return switch (selection) {
            case SEGMENT_ENDS -> segmentEnds();
            case H_UPDATES -> steps.stream().filter(s -> s.kind() == 'H').mapToInt(TraceStep::index).toArray();
            case ALL_UPDATES -> steps.stream().mapToInt(TraceStep::index).toArray();
        };
    }

    /**
     * Reads consecutive states of one latent.
     *
     * @return row-major floats {@code [count, positions, hidden]}
     */
    public float[] states(Latent latent, int firstStep, int count) throws IOException {
        return Npy.readFloatSlices(dir.resolve(latent.fileName()), firstStep, count);
    }

    /** @return the state after one step, row-major {@code [positions, hidden]} */
    public float[] state(Latent latent, int step) throws IOException {
        return states(latent, step, 1);
    }

    /**
     * @return the output-head logits after one step, row-major {@code [seqLen, vocab]}
     * @throws TraceFormatException if the trace has no logits
     */
    public float[] logits(int step) throws IOException {
        Path f = dir.resolve("logits.npy");
        if (vocab == 0) {
            throw new TraceFormatException(f, "missing: this trace has no logits");
        }
        return Npy.readFloatSlices(f, step, 1);
    }

    /**
     * The positions kept for statistics: prefix and PAD positions are dropped unless the settings keep them.
     * PAD positions can only be dropped when the trace has {@code inputs.npy}.
     *
     * @return ascending position indices into {@code [0, positions)}
     */
    public int[] keptPositions(boolean includePrefix, boolean includePad, int padToken) {
        List<Integer> kept = new ArrayList<>();
        for (int p = 0; p < positions; p++) {
            boolean prefix = p < prefixLength;
            if (prefix && !includePrefix) {
                continue;
            }
            if (!prefix && !includePad && inputs != null && inputs[p - prefixLength] == padToken) {
                continue;
            }
            kept.add(p);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<TraceStep> readSteps(Path dir, JsonNode manifest) throws IOException {
        Path stepsFile = dir.resolve("steps.json");
        JsonNode list;
        Path source;
        if (Files.exists(stepsFile)) {
            JsonNode node = readJson(stepsFile, true);
            list = node.isArray() ? node : node.get("steps");
            source = stepsFile;
        } else if (manifest != null && manifest.has("steps")) {
            list = manifest.get("steps");
            source = dir.resolve("manifest.json");
        } else {
            throw new TraceFormatException(dir, "no step list: neither steps.json nor manifest.json with \"steps\"");
        }
        if (list == null || !list.isArray()) {
            throw new TraceFormatException(source, "\"steps\" is not a list");
        }
        List<TraceStep> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String kind = s.path("kind").asText("");
            if (!kind.equals("L") && !kind.equals("H")) {
                throw new TraceFormatException(source, "steps[" + i + "].kind must be \"L\" or \"H\", found \""
                        + kind + "\"");
            }
            if (!s.has("segment")) {
                throw new TraceFormatException(source, "steps[" + i + "].segment is missing");
            }
            out.add(new TraceStep(i, kind.charAt(0), s.get("segment").asInt(), s.path("h_cycle").asInt(-1),
                    s.path("l_step").asInt(-1)));
        }
        return out;
    }

    private static JsonNode readJson(Path file, boolean required) throws IOException {
        if (!Files.exists(file)) {
            if (required) {
                throw new TraceFormatException(file, "missing");
            }
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new TraceFormatException(file, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static Npy.Header header(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new TraceFormatException(file, "missing");
        }
        return Npy.header(file);
    }

    private static NpyArray readNpy(Path file) throws IOException {
        return Npy.read(file);
    }

    private static int[] readTokens(Path file, int seqLen) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        NpyArray a = readNpy(file);
        if (a.size() != seqLen || a.shape().length > 2) {
            throw new TraceFormatException(file, "expected " + seqLen + " tokens ([seqLen] or [1, seqLen]), found "
                    + Arrays.toString(a.shape()));
        }
        try {
            return a.toInts();
        } catch (ArithmeticException e) {
            throw new TraceFormatException(file, "not integer tokens: " + e.getMessage());
        }
    }
}
