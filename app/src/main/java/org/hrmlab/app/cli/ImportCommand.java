package org.hrmlab.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.FileHashes;
import org.hrmlab.engine.io.HrmLabModelFile;
import org.hrmlab.engine.io.ModelCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hrmlab import}: convert a reference checkpoint into an HRM Lab model file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert a reference checkpoint (with all_config.yaml beside it) to an HRM Lab model.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "C", description = "reference checkpoint file")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "HRM Lab model to write (.safetensors)")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelCheckpoint ckpt = CheckpointLoader.load(checkpoint);
        Map<String, String> provenance = new LinkedHashMap<>(ckpt.provenance());
        provenance.put("imported_from_sha256", ckpt.sha256());
        provenance.put("command", "hrmlab import --checkpoint " + checkpoint + " --out " + out);
        HrmLabModelFile.write(out, ckpt.config(), ckpt.weights(), provenance);
        long params = 0;
        for (Map.Entry<String, HostTensor> e : ckpt.weights().entrySet()) {
            if (!e.getKey().equals("puzzle_emb.weights") && !e.getKey().endsWith("_init")) {
                params += e.getValue().data().length;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("tensors", ckpt.weights().size());
        summary.put("parameters", params);
        summary.put("config", ckpt.config());
        summary.put("source_sha256", ckpt.sha256());
        summary.put("out_sha256", FileHashes.sha256(out));
        Json.print(spec.commandLine().getOut(), summary);
        return 0;
    }
}
