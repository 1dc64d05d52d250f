package org.hrmlab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hrmlab.app.analysis.AnalysisExport;
import org.hrmlab.app.analysis.TraceSource;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.engine.analysis.AnalysisResult;
import org.hrmlab.engine.analysis.AnalysisSettings;
import org.hrmlab.engine.analysis.PcaScope;
import org.hrmlab.engine.analysis.Precision;
import org.hrmlab.engine.analysis.SampleUnit;
import org.hrmlab.engine.analysis.TraceAnalysis;
import org.hrmlab.engine.analysis.TraceFormatException;
import org.hrmlab.engine.analysis.UpdateSelection;
import org.hrmlab.puzzles.io.NpyFormatException;
import org.hrmlab.puzzles.readings.SudokuReader;
import org.hrmlab.viz.export.FigureExporter;
import org.hrmlab.viz.export.FigureFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrmlab analyze}: PCA trajectories, participation ratios (zL vs zH, PR versus N, control), forward residuals,
 * per-step accuracy and Q-values from trace directories (or, once a {@link TraceSource} is plugged in, from a
 * checkpoint and a dataset). Figures, CSV/NPY data and {@code manifest.json} go to {@code --out}; the numbers go to
 * stdout as one JSON object. {@code --manifest} re-runs an earlier analysis with the same inputs and settings.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Latent-state analysis of recorded traces: PCA, participation ratio, residuals, accuracy, Q.")
public final class AnalyzeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile TraceSource traceSource = TraceSource.unavailable();

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--traces", split = ",", paramLabel = "DIR",
            description = "trace directories, or folders of trace directories")
    private List<Path> traces = new ArrayList<>();

    @Option(names = "--control-traces", split = ",", paramLabel = "DIR",
            description = "traces of the same puzzles with untrained weights (the PR control)")
    private List<Path> controlTraces = new ArrayList<>();

    @Option(names = "--checkpoint", paramLabel = "C", converter = OptionConverters.CheckpointPaths.class,
            description = "record traces with this model (a file, or shipped:NAME for a shipped model)")
    private Path checkpoint;

    @Option(names = "--dataset", paramLabel = "D", description = "puzzles to record (with --checkpoint)")
    private Path dataset;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100", description = "puzzles to record (default 100)")
    private int count;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "repeat the analysis described by an earlier manifest.json (inputs and settings)")
    private Path manifest;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    private Path out;

    @picocli.CommandLine.Mixin
    FigureOutputOptions figure = new FigureOutputOptions();

    @Option(names = "--unit", defaultValue = "per-token", converter = OptionConverters.SampleUnits.class,
            description = "PR sample unit: per-token, mean-pooled, flattened (default per-token)")
    private SampleUnit unit;

    @Option(names = "--pca-unit", defaultValue = "mean-pooled", converter = OptionConverters.SampleUnits.class,
            description = "PCA sample unit: per-token, mean-pooled, flattened (default mean-pooled)")
    private SampleUnit pcaUnit;

    @Option(names = "--updates", defaultValue = "segment-ends", converter = OptionConverters.UpdateSelections.class,
            description = "PR steps: segment-ends, h-updates, all-updates (default segment-ends)")
    private UpdateSelection updates;

    @Option(names = "--pca-updates", defaultValue = "all-updates", converter = OptionConverters.UpdateSelections.class,
            description = "PCA steps: segment-ends, h-updates, all-updates (default all-updates)")
    private UpdateSelection pcaUpdates;

    @Option(names = "--pca-scope", defaultValue = "pooled", converter = OptionConverters.PcaScopes.class,
            description = "pooled or per-trajectory (default pooled)")
    private PcaScope pcaScope;

    @Option(names = "--components", defaultValue = "2", description = "principal components, 1-3 (default 2)")
    private int components;

    @Option(names = "--counts", defaultValue = "10,20,50,100", split = ",",
            description = "trajectory counts for PR versus N (default 10,20,50,100)")
    private List<Integer> counts;

    @Option(names = "--include-prefix", description = "keep puzzle-embedding prefix positions")
    private boolean includePrefix;

    @Option(names = "--include-pad", description = "keep PAD positions")
    private boolean includePad;

    @Option(names = "--pad-token", defaultValue = "0", description = "PAD token id (default 0)")
    private int padToken;

    @Option(names = "--backtrack-steps", defaultValue = "" + SudokuReader.DEFAULT_STABLE_STEPS,
            description = "Sudoku backtrack rule: steps a digit must be stable (default ${DEFAULT-VALUE}, as in the "
                    + "lab)")
    private int backtrackSteps;

    @Option(names = "--seed", defaultValue = "12345", description = "seed of the PR-vs-N order (default 12345)")
    private long seed;

    @Option(names = "--precision", defaultValue = "float64", converter = OptionConverters.Precisions.class,
            description = "covariance block products: float64 or mixed (default float64)")
    private Precision precision;

    @Option(names = "--absolute-residuals", description = "also draw absolute residual norms")
    private boolean absoluteResiduals;

    @Option(names = "--stream", description = "with --checkpoint/--dataset: participation ratios and the PCA spectrum "
            + "of many puzzles in batches on the device, without traces (per-token samples; writes participation.json)")
    private boolean stream;

    @Option(names = "--batch", defaultValue = "auto", paramLabel = "B", converter = BatchSize.Converter.class,
            description = "with --stream: puzzles at once, or auto (sized to the device)")
    private BatchSize batch;

    /**
     * Plugs in the trace recorder used by {@code --checkpoint/--dataset} (the integration point for the model).
     *
     * @param source the recorder
     */
    public static void setTraceSource(TraceSource source) {
        traceSource = source;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (stream) {
            return streamed(err, null);
        }
        if (manifest != null && isStreamManifest(manifest)) {
            return streamed(err, manifest);
        }
        try {
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("command_line", commandLine());
            Inputs in = manifest != null ? fromManifest(manifest) : fromOptions();
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("traces", in.traces().stream().map(Path::toString).toList());
            inputs.put("control_traces", in.controls().stream().map(Path::toString).toList());
            provenance.put("inputs", inputs);
            long t0 = System.nanoTime();
            AnalysisResult result = TraceAnalysis.run(in.traces(), in.controls(), in.settings());
            long t1 = System.nanoTime();
            Files.createDirectories(out);
            Map<String, Object> json = AnalysisExport.write(result, out, in.options(), provenance);
            long t2 = System.nanoTime();
            Map<String, Object> seconds = new LinkedHashMap<>();
            seconds.put("analysis", (t1 - t0) / 1e9);
            seconds.put("figures", (t2 - t1) / 1e9);
            json.put("seconds", seconds);
            err.println("analyze: " + in.traces().size() + " trajectories, " + in.controls().size()
                    + " control trajectories; " + in.settings().summary() + "; wrote " + out
                    + String.format(Locale.ROOT, " (analysis %.2f s, figures %.2f s)", (t1 - t0) / 1e9,
                            (t2 - t1) / 1e9));
            err.flush();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            stdout.flush();
            return 0;
        } catch (TraceFormatException | NpyFormatException | IllegalArgumentException e) {
            err.println("hrmlab analyze: " + e.getMessage());
            err.flush();
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("hrmlab analyze: " + e.getFile() + ": no such file");
            err.flush();
            return 2;
        } catch (IOException | RuntimeException e) {
            if (CliErrors.isBadInput(e)) {
                err.println("hrmlab analyze: " + CliErrors.oneLine(e.getMessage()));
                err.flush();
                return 2;
            }
            err.println("hrmlab analyze: internal error: " + e + " (run with -Djava.util.logging.config for the log)");
            err.flush();
            return 1;
        }
    }

    private static boolean isStreamManifest(Path file) {
        try {
            return JSON.readTree(file.toFile()).path("mode").asText().equals("stream");
        } catch (IOException e) {
            return false;
        }
    }

    /** Replays a streamed analysis: the manifest's inputs and settings, this call's --out and --device. */
    private void applyStreamManifest(Path file) throws IOException {
        JsonNode m = JSON.readTree(file.toFile());
        checkpoint = DefaultModels.checkpointPath(m.path("checkpoint").asText());
        dataset = Path.of(m.path("dataset").asText());
        count = m.path("count").asInt(count);
        batch = new BatchSize(Math.max(0, m.path("batch").asInt(0)));
        if (m.hasNonNull("updates")) {
            try {
                updates = new OptionConverters.UpdateSelections().parse(m.get("updates").asText().replace('_', '-'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": updates " + e.getMessage());
            }
        }
        counts = new ArrayList<>();
        m.path("counts").forEach(n -> counts.add(n.asInt()));
        seed = m.path("seed").asLong(seed);
        components = m.path("components").asInt(components);
        figure.replay(m.path("figure"));
    }

    private int streamed(PrintWriter err, Path replay) {
        try {
            if (replay != null) {
                applyStreamManifest(replay);
            }
            if (checkpoint == null || dataset == null) {
                throw new IllegalArgumentException("--stream needs --checkpoint and --dataset");
            }
            if (unit != SampleUnit.PER_TOKEN || includePrefix || includePad) {
                throw new IllegalArgumentException("--stream takes per-token samples without prefix or PAD positions; "
                        + "use traces for --unit " + new OptionConverters.SampleUnits().nameOf(unit)
                        + ", --include-prefix or --include-pad");
            }
            if (count < 1) {
                throw new IllegalArgumentException("--count must be positive");
            }
            int rows = batch.rows();
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("command_line", commandLine());
            provenance.put("program", "HRM Lab " + HrmLabCommand.VERSION);
            provenance.put("date", java.time.Instant.now().toString());
            var device = this.device.resolve(err);
            long t0 = System.nanoTime();
            Map<String, Object> json = org.hrmlab.app.analysis.StreamedAnalysis.run(checkpoint, dataset, count, device,
                    rows, updates, counts, seed, components, out,
                    figure.exportOptions(false), provenance);
            err.println(String.format(Locale.ROOT, "analyze --stream: %s trajectories on %s, wrote %s (%.1f s)",
                    json.get("trajectories"), device.id(), out.resolve("participation.json"),
                    (System.nanoTime() - t0) / 1e9));
            err.flush();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            stdout.flush();
            return 0;
        } catch (org.hrmlab.engine.io.CheckpointException | IllegalArgumentException
                 | org.hrmlab.engine.compute.DeviceUnavailableException e) {
            err.println("hrmlab analyze: " + e.getMessage());
        } catch (BadInputException e) {
            err.println("hrmlab analyze: " + e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("hrmlab analyze: " + e.getFile() + ": no such file");
        } catch (IOException | RuntimeException e) {
            if (CliErrors.isBadInput(e)) {
                err.println("hrmlab analyze: " + CliErrors.oneLine(e.getMessage()));
                err.flush();
                return 2;
            }
            err.println("hrmlab analyze: internal error: " + e);
            err.flush();
            return 1;
        }
        err.flush();
        return 2;
    }

    private record Inputs(List<Path> traces, List<Path> controls, AnalysisSettings settings,
            AnalysisExport.Options options) {
    }

    private Inputs fromOptions() throws IOException {
        AnalysisSettings settings = new AnalysisSettings(unit, pcaUnit, updates, pcaUpdates, includePrefix,
                includePad, padToken, counts, components, pcaScope, backtrackSteps, seed, precision);
        List<Path> t = expand(traces, "--traces");
        List<Path> c = expand(controlTraces, "--control-traces");
        if (checkpoint != null || dataset != null) {
            if (checkpoint == null || dataset == null) {
                throw new IllegalArgumentException("--checkpoint and --dataset go together");
            }
            if (count < 1) {
                throw new IllegalArgumentException("--count must be positive");
            }
            t = new ArrayList<>(t);
            t.addAll(traceSource.record(checkpoint, dataset, count, false, seed, out.resolve("traces"),
                    () -> device.resolve(spec.commandLine().getErr())));
            c = new ArrayList<>(c);
            c.addAll(traceSource.record(checkpoint, dataset, count, true, seed, out.resolve("control-traces"),
                    () -> device.resolve(spec.commandLine().getErr())));
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no traces: give --traces DIR[,DIR...] or --checkpoint with --dataset");
        }
        return new Inputs(t, c, settings, options());
    }

    private AnalysisExport.Options options() {
        return figure.exportOptions(absoluteResiduals);
    }

    private Inputs fromManifest(Path file) throws IOException {
        JsonNode m;
        try {
            m = JSON.readTree(file.toFile());
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!m.has("settings") || !m.has("traces")) {
            throw new IllegalArgumentException(file + ": not an analysis manifest (no \"settings\" or \"traces\")");
        }
        AnalysisSettings settings;
        try {
            settings = JSON.treeToValue(m.get("settings"), AnalysisSettings.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": settings: " + e.getOriginalMessage());
        }
        List<Path> t = directories(m.get("traces"));
        List<Path> c = m.has("control_traces") ? directories(m.get("control_traces")) : List.of();
        JsonNode fig = m.path("figure");
        Set<FigureFormat> f = fig.path("formats").isArray()
                ? FigureFormat.parseList(String.join(",", toStrings(fig.get("formats"))))
                : EnumSet.copyOf(figure.formats);
        AnalysisExport.Options o = new AnalysisExport.Options(f, fig.path("dpi").asInt(figure.dpi),
                fig.path("width_pt").asDouble(FigureExporter.DEFAULT_WIDTH_PT),
                fig.path("height_pt").asDouble(FigureExporter.DEFAULT_HEIGHT_PT),
                fig.path("absolute_residuals").asBoolean(false));
        return new Inputs(t, c, settings, o);
    }

    private static List<Path> directories(JsonNode list) {
        List<Path> out = new ArrayList<>();
        for (JsonNode e : list) {
            out.add(Path.of(e.path("directory").asText()));
        }
        return out;
    }

    private static List<String> toStrings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Accepts trace directories, or folders whose sub-directories are trace directories (sorted by name). */
    static List<Path> expand(List<Path> given, String option) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException(option + " " + p + ": not a directory");
            }
            if (Files.exists(p.resolve("zL.npy"))) {
                out.add(p);
                continue;
            }
            try (Stream<Path> children = Files.list(p)) {
                List<Path> found = children.filter(c -> Files.exists(c.resolve("zL.npy"))).sorted().toList();
                if (found.isEmpty()) {
                    throw new IllegalArgumentException(option + " " + p + ": neither a trace directory (no zL.npy) "
                            + "nor a folder of trace directories");
                }
                out.addAll(found);
            }
        }
        return out;
    }

    private List<String> commandLine() {
        return HrmLabCommand.typed(spec);
    }
}
