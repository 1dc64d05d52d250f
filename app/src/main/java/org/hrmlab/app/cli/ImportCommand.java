package org.hrmlab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.FileHashes;
import org.hrmlab.engine.io.HrmLabModelFile;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.Safetensors;
import org.hrmlab.engine.io.WeightLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hrmlab import}: convert a reference checkpoint (or an HRM Lab model) into an HRM Lab model file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert a reference checkpoint (with all_config.yaml beside it) to an HRM Lab model.")
final class ImportCommand implements Callable<Integer> {
    /** Tensors the reference does not count as parameters (buffers). */
    private static final Set<String> BUFFERS = Set.of("puzzle_emb.weights", "H_init", "L_init");

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "C",
            converter = OptionConverters.CheckpointPaths.class,
            description = "reference checkpoint file (step_N / checkpoint), HRM Lab model, or shipped:NAME")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "HRM Lab model to write (.safetensors)")
    Path out;

    @Option(names = "--dtype", defaultValue = "f32", paramLabel = "T", converter = OptionConverters.StoredTypes.class,
            description = "how the written model stores its values: f32 (exactly; the default) or bf16 (half the "
                    + "size, each value rounded to the nearest bfloat16)")
    Safetensors.StoredType dtype;

    @Option(names = "--provenance-data", paramLabel = "PATH",
            description = "record PATH as the training data in the written model's provenance instead of the path the "
                    + "source recorded (for a model shipped in the repository: data/<dataset>, not a machine's path)")
    String provenanceData;

    @Override
    public Integer call() throws IOException {
        ModelCheckpoint model = CheckpointLoader.load(checkpoint);
        if (Files.exists(out) && Files.isSameFile(out, checkpoint)) {
            throw new BadInputException(out + ": --out names the checkpoint itself; choose another file");
        }
        try {
            HrmLabModelFile.write(out, model.config(), model.weights(), provenance(model), dtype);
        } catch (IOException e) {
            throw new BadInputException(out + ": cannot write the model (" + e.getMessage() + ")");
        }
        Json.print(spec.commandLine().getOut(), summary(model, FileHashes.sha256(out)));
        spec.commandLine().getErr().println("hrmlab import: wrote " + out);
        spec.commandLine().getErr().flush();
        return 0;
    }

    private Map<String, String> provenance(ModelCheckpoint model) {
        Map<String, String> p = new LinkedHashMap<>();
        String source = DefaultModels.describe(checkpoint);
        p.put("command", "hrmlab import --checkpoint " + source + " --out " + out
                + (dtype == Safetensors.StoredType.F32 ? "" : " --dtype " + dtype.name().toLowerCase(Locale.ROOT)));
        p.put("program", "HRM Lab " + HrmLabCommand.VERSION);
        if (dtype != Safetensors.StoredType.F32) {
            p.put("stored_as", dtype.name().toLowerCase(Locale.ROOT));
        }
        p.put("source_file", DefaultModels.fileName(model.source()));
        p.put("source_sha256", model.sha256());
        if (provenanceData != null) {
            p.put("data", provenanceData);
        }
        model.provenance().forEach((k, v) -> {
            if (k.equals("format")) {
                p.put("source_format", v);
            } else if (!k.equals("stored_as")) {
                p.putIfAbsent(k, v);
            }
        });
        return p;
    }

    private Map<String, Object> summary(ModelCheckpoint model, String outSha) {
        List<String> keys = orderedKeys(model);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        long buffers = 0;
        for (String key : keys) {
            HostTensor t = model.weights().get(key);
            shapes.put(key, t.shape());
            if (BUFFERS.contains(key)) {
                buffers += t.data().length;
            }
        }
        long parameters = parameters(model);
        HostTensor table = model.weights().get("puzzle_emb.weights");
        String step = model.provenance().get("step");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("source", DefaultModels.describe(checkpoint));
        s.put("source_sha256", model.sha256());
        s.put("source_format", model.provenance().getOrDefault("format", "unknown"));
        s.put("step", step != null && step.matches("\\d{1,18}") ? Long.valueOf(step) : step);
        s.put("out", out.toString());
        s.put("out_sha256", outSha);
        s.put("format", HrmLabModelFile.FORMAT);
        s.put("dtype", dtype.name().toLowerCase(Locale.ROOT));
        s.put("config", model.config());
        s.put("tensors", keys.size());
        s.put("keys", keys);
        s.put("shapes", shapes);
        s.put("parameters", parameters);
        s.put("puzzle_table_values", table == null ? 0 : table.data().length);
        s.put("buffer_values", buffers);
        return s;
    }

    /** @return the model's parameter count as the reference counts it: every value but its buffers */
    static long parameters(ModelCheckpoint model) {
        long n = 0;
        for (Map.Entry<String, HostTensor> e : model.weights().entrySet()) {
            if (!BUFFERS.contains(e.getKey())) {
                n += e.getValue().data().length;
            }
        }
        return n;
    }

    /** @return the model's keys in the reference's state-dict order, unknown ones last */
    private static List<String> orderedKeys(ModelCheckpoint model) {
        List<String> keys = new ArrayList<>();
        for (String k : WeightLayout.expected(model.config()).keySet()) {
            if (model.weights().containsKey(k)) {
                keys.add(k);
            }
        }
        model.weights().keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(keys::add);
        return keys;
    }
}
