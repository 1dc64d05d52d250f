package org.hrmlab.engine.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.step.Readout;
import org.hrmlab.engine.step.StepSnapshot;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import org.hrmlab.puzzles.io.NpyStreamWriter;

/**
 * Writes a trace directory: {@code zL.npy}, {@code zH.npy} (float32 {@code [steps, S_total, hidden]}),
 * {@code logits.npy} ({@code [steps, seqLen, vocab]}), {@code q.npy} ({@code [segments, 2]}), {@code steps.json} and
 * {@code manifest.json}; when the snapshots carry another read-out than the high state's ({@link Readout}), its argmax
 * tokens too, as {@code readout.npy} (int32 {@code [steps, seqLen]}; the manifest's {@code readout} names it). Snapshots are appended in update order; files appear complete when {@link #close()} returns.
 */
public final class TraceWriter implements AutoCloseable {
    /**
     * Manifest key naming the kind of puzzle traced ({@code sudoku}, {@code maze}, {@code arc}), when the recorder
     * knows it; readers of a trace without it go by its lengths.
     */
    public static final String PUZZLE_KIND = "puzzle_kind";

    /** Records {@code kind}, when known, under {@link #PUZZLE_KIND} in {@code manifest}. */
    public static void putPuzzleKind(Map<String, Object> manifest, Optional<PuzzleKind> kind) {
        kind.ifPresent(k -> manifest.put(PUZZLE_KIND, k.name().toLowerCase(Locale.ROOT)));
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final Map<String, Object> manifest;
    private final NpyStreamWriter zl;
    private final NpyStreamWriter zh;
    private final NpyStreamWriter logits;
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private final List<float[]> q = new ArrayList<>();
    private final List<int[]> readoutTokens = new ArrayList<>();
    private Readout readout = Readout.HIGH_STATE;
    private int expected;

    /**
     * @param dir      output directory (created)
     * @param config   the model's architecture (seqLen set)
     * @param manifest facts to record (checkpoint hash, puzzle, program version, ...); config and schedule are added
     */
    public TraceWriter(Path dir, HrmConfig config, Map<String, Object> manifest) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.manifest = new LinkedHashMap<>(manifest);
        this.manifest.put("config", config);
        this.manifest.put("puzzle_emb_len", config.puzzleEmbLen());
        zl = new NpyStreamWriter(dir.resolve("zL.npy"), config.totalSeqLen(), config.hiddenSize());
        zh = new NpyStreamWriter(dir.resolve("zH.npy"), config.totalSeqLen(), config.hiddenSize());
        logits = new NpyStreamWriter(dir.resolve("logits.npy"), config.seqLen(), config.vocabSize());
    }

    /** Appends the snapshot of the next update (indices must follow 0, 1, 2, ...). */
    public void append(StepSnapshot s) throws IOException {
        if (s.index() != expected) {
            throw new IllegalArgumentException("expected update " + expected + ", got " + s.index());
        }
        expected++;
        zl.append(s.zL());
        zh.append(s.zH());
        logits.append(s.logits());
        if (s.readoutPredicted() != null) {
            if (!readoutTokens.isEmpty() && s.readout() != readout) {
                throw new IllegalArgumentException("update " + s.index() + " has read-out " + s.readout()
                        + ", the trace " + readout);
            }
            readout = s.readout();
            readoutTokens.add(s.readoutPredicted());
        } else if (!readoutTokens.isEmpty()) {
            throw new IllegalArgumentException("update " + s.index() + " has no " + readout + " read-out");
        }
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("index", s.index());
        step.put("kind", s.kind().name());
        step.put("segment", s.segment());
        step.put("h_cycle", s.hCycle());
        step.put("l_step", s.lStep());
        step.put("q_halt", s.qHalt());
        step.put("q_continue", s.qContinue());
        step.put("change_l", s.changeL());
        step.put("change_h", s.changeH());
        steps.add(step);
        if (s.endsSegment()) {
            q.add(new float[] {s.qHalt(), s.qContinue()});
        }
    }

    /** Finishes every file. */
    @Override
    public void close() throws IOException {
        zl.close();
        zh.close();
        logits.close();
        float[] flat = new float[q.size() * 2];
        for (int i = 0; i < q.size(); i++) {
            flat[2 * i] = q.get(i)[0];
            flat[2 * i + 1] = q.get(i)[1];
        }
        Npy.write(dir.resolve("q.npy"), NpyArray.ofFloats(flat, q.size(), 2));
        writeJson("steps.json", steps);
        if (!readoutTokens.isEmpty()) {
            int seq = readoutTokens.get(0).length;
            int[] tokens = new int[readoutTokens.size() * seq];
            for (int i = 0; i < readoutTokens.size(); i++) {
                System.arraycopy(readoutTokens.get(i), 0, tokens, i * seq, seq);
            }
            Npy.write(dir.resolve("readout.npy"), NpyArray.ofInts(tokens, readoutTokens.size(), seq));
            manifest.put("readout", readout.name().toLowerCase(java.util.Locale.ROOT));
        }
        manifest.put("steps", steps.size());
        manifest.put("segments", q.size());
        writeJson("manifest.json", manifest);
    }

    private void writeJson(String name, Object value) throws IOException {
        org.hrmlab.puzzles.io.AtomicFiles.write(dir.resolve(name), out -> JSON.writeValue(out, value));
    }
}
