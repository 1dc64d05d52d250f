package org.hrmlab.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * Loads a model from any file HRM Lab understands, detecting the format from its bytes: a reference torch checkpoint
 * ({@code step_N} / {@code checkpoint}, zip) with {@code all_config.yaml} beside it, or an HRM Lab safetensors model.
 *
 * <p>Every tensor becomes one float32 {@link HostTensor}; a tensor may hold up to 2,147,483,639 values, so the ARC-2
 * puzzle table (1,045,829 x 512, 2.14 GB) loads, given a heap of about 3 GB for it and the rest (the launcher's
 * default is 8 GB). Nothing in a file is trusted: sizes are checked against the file before memory is allocated,
 * pickles run through an allow-list, and every problem is a {@link CheckpointException} naming the file.
 */
public final class CheckpointLoader {
    private static final String[] PREFIXES = {"_orig_mod.", "model.", "inner."};
    private static final Pattern STEP = Pattern.compile("step_(\\d+)");

    private CheckpointLoader() {
    }

    /**
     * @param file a reference checkpoint or an HRM Lab model
     * @return the model; for reference checkpoints vocab size and puzzle-id count come from tensor shapes, and
     *         {@code seqLen} is 0 unless learned positions fix it
     * @throws CheckpointException one line naming the file and the problem
     */
    public static ModelCheckpoint load(Path file) throws CheckpointException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, Files.isDirectory(file) ? "is a directory, not a checkpoint file"
                    : "no such file");
        }
        try {
            String sha = FileHashes.sha256(file);
            if (isZip(file)) {
                return finite(loadReference(file, sha));
            }
            if (Safetensors.looksLike(file)) {
                return finite(HrmLabModelFile.read(file, sha));
            }
            if (isLegacyTorch(file)) {
                throw new CheckpointException(file, "legacy (pre-1.6) torch checkpoint; re-save it with a current torch"
                        + " (torch.save(torch.load(f), f)) to get the zip format");
            }
            throw new CheckpointException(file, "neither a torch zip checkpoint nor an HRM Lab safetensors model");
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file, "cannot load: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses weights that are not finite: one NaN or infinity spreads through every update, and such a model loads
     * but predicts nothing.
     *
     * @return {@code m}
     * @throws CheckpointException naming the file, the first such tensor (in the reference's order) and the place
     */
    static ModelCheckpoint finite(ModelCheckpoint m) throws CheckpointException {
        java.util.List<String> keys = new java.util.ArrayList<>(WeightLayout.expected(m.config()).keySet());
        m.weights().keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(keys::add);
        for (String key : keys) {
            HostTensor t = m.weights().get(key);
            if (t == null) {
                continue;
            }
            float[] v = t.data();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    long count = 0;
                    for (int j = i; j < v.length; j++) {
                        count += Float.isFinite(v[j]) ? 0 : 1;
                    }
                    throw new CheckpointException(m.source(), "tensor '" + key + "' " + t.shapeText() + " holds "
                            + (count == 1 ? "a non-finite value" : count + " non-finite values") + " (the first, "
                            + v[i] + ", at flat index " + i + "); a model with them predicts nothing");
                }
            }
        }
        return m;
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** Pre-1.6 torch files start with a protocol-2 pickle of the magic number 0x1950a86a20f9469cfc6c. */
    private static boolean isLegacyTorch(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && (head[0] & 0xFF) == 0x80 && head[1] == 2 && (head[2] & 0xFF) == 0x8a
                    && head[3] == 10;
        }
    }

    private static ModelCheckpoint loadReference(Path file, String sha) throws CheckpointException {
        Path dir = file.toAbsolutePath().getParent();
        ReferenceConfigReader.Arch arch = ReferenceConfigReader.read(dir.resolve("all_config.yaml"), file);
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        Map<String, String> original = new LinkedHashMap<>();
        for (var e : TorchCheckpointReader.read(file).entrySet()) {
            String key = stripPrefixes(e.getKey());
            String clash = original.put(key, e.getKey());
            if (clash != null) {
                throw new CheckpointException(file, "tensors '" + clash + "' and '" + e.getKey()
                        + "' are both '" + key + "' once the module prefixes are dropped");
            }
            weights.put(key, e.getValue());
        }
        HostTensor embed = weights.get("embed_tokens.embedding_weight");
        if (embed == null || embed.shape().length != 2) {
            throw new CheckpointException(file, "tensor 'embed_tokens.embedding_weight' is missing or not 2-D");
        }
        int vocab = (int) embed.shape()[0];
        int numIds = 1;
        if (arch.puzzleEmbNdim() > 0) {
            HostTensor table = weights.get("puzzle_emb.weights");
            if (table == null) {
                throw new CheckpointException(file, "config has puzzle_emb_ndim " + arch.puzzleEmbNdim()
                        + " but tensor 'puzzle_emb.weights' is missing");
            }
            numIds = (int) table.shape()[0];
        }
        int prefix = arch.puzzleEmbLen() > 0 ? arch.puzzleEmbLen()
                : (arch.puzzleEmbNdim() + arch.hiddenSize() - 1) / arch.hiddenSize();
        int seqLen = 0;
        if (arch.posEncodings().equals("learned")) {
            HostTensor pos = weights.get("embed_pos.embedding_weight");
            if (pos == null) {
                throw new CheckpointException(file, "config has learned positions but 'embed_pos' is missing");
            }
            seqLen = (int) pos.shape()[0] - prefix;
        } else if (arch.mlpT()) {
            String key = "L_level.layers.0.mlp_t.down_proj.weight";
            HostTensor tokenMlp = weights.get(key);
            if (tokenMlp == null || tokenMlp.shape().length != 2) {
                throw new CheckpointException(file, "config has mlp_t (TRM's MLP variant) but tensor '" + key
                        + "' is missing or not 2-D");
            }
            seqLen = (int) tokenMlp.shape()[0] - prefix;
            if (seqLen <= 0) {
                throw new CheckpointException(file, "tensor '" + key + "' mixes " + tokenMlp.shape()[0]
                        + " positions, not more than the " + prefix + "-token puzzle prefix");
            }
        }
        HrmConfig config;
        try {
            config = HrmConfig.builder(arch.family()).seqLen(seqLen).vocabSize(vocab).numPuzzleIdentifiers(numIds)
                    .puzzleEmbNdim(arch.puzzleEmbNdim()).puzzleEmbLen(arch.puzzleEmbLen())
                    .hiddenSize(arch.hiddenSize()).numHeads(arch.numHeads()).expansion(arch.expansion())
                    .hLayers(arch.hLayers()).lLayers(arch.lLayers()).posEncodings(arch.posEncodings())
                    .rmsNormEps(arch.rmsNormEps()).ropeTheta(arch.ropeTheta()).mlpT(arch.mlpT())
                    .hCycles(arch.hCycles()).lCycles(arch.lCycles()).haltMaxSteps(arch.haltMaxSteps())
                    .haltExplorationProb(arch.haltExplorationProb()).noActContinue(arch.noActContinue()).build();
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(dir.resolve("all_config.yaml"), e.getMessage());
        }
        try {
            WeightLayout.validate(file, config, weights);
        } catch (CheckpointException e) {
            throw new CheckpointException(file, e.problem()
                    + "; does the all_config.yaml beside it belong to this checkpoint?");
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("format", "reference-torch");
        provenance.put("source_file", file.getFileName().toString());
        Matcher m = STEP.matcher(file.getFileName().toString());
        if (m.matches()) {
            provenance.put("step", m.group(1));
        }
        arch.runFields().forEach((k, v) -> provenance.put("reference." + k, v));
        return new ModelCheckpoint(file, sha, config, weights, provenance);
    }

    static String stripPrefixes(String key) {
        String k = key;
        for (String p : PREFIXES) {
            if (k.startsWith(p)) {
                k = k.substring(p.length());
            }
        }
        return k;
    }
}
