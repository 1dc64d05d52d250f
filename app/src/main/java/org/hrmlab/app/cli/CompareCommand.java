package org.hrmlab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrmlab.app.analysis.ModelComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrmlab compare}: two or more analyses side by side (HRM beside TRM, or two checkpoints of one run):
 * participation ratios of each model's high- and low-level state, trained and untrained, and forward residuals per
 * segment. Figures, CSV and {@code manifest.json} go to {@code --out}; {@code --manifest} draws them again.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare analyses of several models (e.g. HRM and TRM): participation ratios of zH/zL beside "
                + "y/z, residuals per segment.")
public final class CompareCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--analysis", split = ",", paramLabel = "DIR",
            description = "folders written by hrmlab analyze (trace or --stream analyses), two or more")
    private List<Path> analyses = new ArrayList<>();

    @Option(names = "--label", split = ",", paramLabel = "NAME",
            description = "names for the models, in the order of --analysis (default: family and checkpoint)")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--corrected", description = "bias-corrected participation ratios (default: naive)")
    private boolean corrected;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "draw again the comparison described by an earlier manifest.json")
    private Path manifest;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    private Path out;

    @Mixin
    FigureOutputOptions figure = new FigureOutputOptions();

    private final List<String> expectedSha256 = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (manifest != null) {
            replay(manifest);
        }
        if (analyses.size() < 2) {
            throw new BadInputException("give two or more analysis folders: --analysis A,B");
        }
        if (!labels.isEmpty() && labels.size() != analyses.size()) {
            throw new BadInputException("--label gives " + labels.size() + " names for " + analyses.size()
                    + " analyses");
        }
        List<ModelComparison.Input> inputs = new ArrayList<>();
        for (int i = 0; i < analyses.size(); i++) {
            inputs.add(ModelComparison.read(analyses.get(i), labels.isEmpty() ? null : labels.get(i), corrected));
            if (!expectedSha256.isEmpty()) {
                Path results = inputs.get(i).resultFile();
                if (!org.hrmlab.engine.io.FileHashes.sha256(results).equals(expectedSha256.get(i))) {
                    throw new BadInputException(results + ": changed since " + manifest + " was written (SHA-256 "
                            + "differs); run hrmlab compare on it anew");
                }
            }
        }
        inputs = ModelComparison.distinctLabels(inputs, !labels.isEmpty());
        var options = figure.exportOptions(false);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command_line", HrmLabCommand.typed(spec));
        Map<String, Object> json = ModelComparison.write(inputs, corrected ? "bias-corrected" : "naive", out,
                options, provenance);
        PrintWriter err = spec.commandLine().getErr();
        err.println("compare: " + inputs.size() + " models; wrote " + out);
        err.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        stdout.flush();
        return 0;
    }

    private void replay(Path file) {
        JsonNode m;
        try {
            m = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not a comparison manifest: " + CliErrors.oneLine(e.getMessage()));
        }
        if (!m.path("analyses").isArray()) {
            throw new BadInputException(file + ": not a comparison manifest (no analyses)");
        }
        analyses = new ArrayList<>();
        labels = new ArrayList<>();
        for (JsonNode a : m.get("analyses")) {
            analyses.add(Path.of(a.path("folder").asText()));
            labels.add(a.path("label").asText());
            expectedSha256.add(a.path("result_sha256").asText());
        }
        corrected = m.path("estimate").asText("naive").equals("bias-corrected");
        try {
            figure.replay(m.path("figure"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": figure formats: " + e.getMessage());
        }
    }
}
