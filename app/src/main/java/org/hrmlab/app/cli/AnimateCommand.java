package org.hrmlab.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.export.AnimationExporter;
import org.hrmlab.app.export.AnimationFormat;
import org.hrmlab.app.export.AnimationJob;
import org.hrmlab.app.export.AnimationResult;
import org.hrmlab.app.export.AnimationSettings;
import org.hrmlab.app.export.AnimationSource;
import org.hrmlab.app.export.FrameFilter;
import org.hrmlab.app.export.FrameSelection;
import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.puzzles.PuzzleSources;
import org.hrmlab.viz.grid.GridTheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrmlab animate}: run a puzzle and write its decoded grid after every update (or a selection) as an animated
 * GIF or a PNG sequence, with {@code manifest.json} and {@code frames.csv} beside it. Boards are drawn by the lab's
 * own renderers on a headless JavaFX toolkit (see {@link HeadlessFx}), so no display is needed.
 */
@Command(name = "animate", mixinStandardHelpOptions = true,
        description = "Run M ACT segments on a puzzle and write the decoded grid of the chosen updates as an animated "
                + "GIF (or PNG sequence), with manifest.json and frames.csv beside it.")
final class AnimateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--puzzle", required = true, paramLabel = "SPEC",
            description = "FILE[#INDEX] or bundled:NAME[#INDEX] (ARC task JSON, Sudoku line/CSV, maze text/CSV)")
    String puzzle;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "the GIF file, or the folder of a PNG sequence")
    Path out;

    @Option(names = "--format", paramLabel = "gif|png", converter = OptionConverters.AnimationFormats.class,
            description = "default: gif if --out ends in .gif, else png")
    AnimationFormat format;

    @Option(names = "--frames", paramLabel = "all|h|segments", defaultValue = "all",
            converter = OptionConverters.FrameFilters.class,
            description = "which updates become frames (the initial state always does; default all)")
    FrameFilter frames;

    @Option(names = "--from", paramLabel = "U", defaultValue = "0", description = "first update index (default 0)")
    int from;

    @Option(names = "--to", paramLabel = "U", description = "last update index (default: the last one)")
    Integer to;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "4", description = "GIF frames per second (default 4)")
    double fps;

    @Option(names = "--dpi", paramLabel = "D", defaultValue = "96", description = "resolution (default 96)")
    double dpi;

    @Option(names = "--segments", paramLabel = "M", description = "segments to run (default: the model's halt_max_steps)")
    Integer segments;

    @Option(names = "--q-halt", description = "stop early when the Q head halts at a segment end "
            + "(q_halt > q_continue; q_halt > 0 for a TRM)")
    boolean qHalt;

    @Option(names = "--decode", paramLabel = "direct|paper|latent", defaultValue = "direct",
            converter = OptionConverters.DecodeModes.class,
            description = "direct = argmax(lm_head(zH)) (TRM: the answer y); paper = one preliminary H-update first "
                    + "(Fig. 7); latent = argmax(lm_head(zL)) (TRM: the latent z)")
    DecodeMode decode;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
            converter = OptionConverters.GridThemes.class, description = "board colours")
    GridTheme theme;

    @Option(names = "--overlay", paramLabel = "none|change|confidence", defaultValue = "none",
            converter = OptionConverters.OverlayLayers.class,
            description = "a heat overlay on every board: change = how far each cell's state moved at the update "
                    + "(zL at an L-update, zH at an H-update; scaled to the run's largest), confidence = the "
                    + "probability of each cell's decoded token; writes overlay.csv beside (default none)")
    OverlayLayer overlay;

    @Override
    public Integer call() throws Exception {
        AnimationSettings settings = settings();
        ModelCheckpoint ckpt = model.load();
        org.hrmlab.puzzles.Puzzle raw = PuzzleSources.open(puzzle);
        PuzzleInput.codecFor(raw, model.inputs(ckpt), puzzle);
        LabPuzzle labPuzzle = BundledLabPuzzles.from(raw);
        HrmConfig c = ckpt.config();
        int m = segments == null ? c.haltMaxSteps() : segments;
        int h = model.hCycles == null ? c.hCycles() : model.hCycles;
        int l = model.lCycles == null ? c.lCycles() : model.lCycles;
        if (m < 1 || h < 1 || l < 1) {
            throw new BadInputException("--segments, --h-cycles and --l-cycles must be >= 1");
        }
        var inference = new InferenceSettings(h, l, m, qHalt, decode);
        long start = System.nanoTime();
        List<LabFrame> timeline = run(ckpt, labPuzzle, inference);
        double runSeconds = (System.nanoTime() - start) / 1e9;
        var source = new AnimationSource(labPuzzle, timeline, model.shortName(),
                model.name(), ckpt.sha256(), inference, StateNames.of(c.family()));
        long drawStart = System.nanoTime();
        AnimationResult result = export(source, settings);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", result.output().toString());
        summary.put("format", settings.format().cliName());
        summary.put("frames", result.frames());
        summary.put("recorded_updates", timeline.size());
        summary.put("segments", timeline.get(timeline.size() - 1).segment());
        summary.put("fps", settings.fps());
        summary.put("dpi", settings.dpi());
        summary.put("width_px", result.width());
        summary.put("height_px", result.height());
        summary.put("manifest", result.manifest().toString());
        summary.put("table", result.table().toString());
        summary.put("overlay", settings.overlay().cliName());
        summary.put("renderer", "JavaFX (headless Monocle, software pipeline)");
        summary.put("run_s", runSeconds);
        summary.put("export_s", (System.nanoTime() - drawStart) / 1e9);
        Json.print(spec.commandLine().getOut(), summary);
        return 0;
    }

    private AnimationSettings settings() {
        try {
            var f = format != null ? format
                    : out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif") ? AnimationFormat.GIF
                    : AnimationFormat.PNG_SEQUENCE;
            var selection = new FrameSelection(frames, from, to == null ? FrameSelection.LAST : to);
            return new AnimationSettings(f, selection, fps, dpi, theme, overlay);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--" + optionOf(e.getMessage()) + ": " + e.getMessage());
        }
    }

    private static String optionOf(String message) {
        for (String o : new String[] {"fps", "dpi"}) {
            if (message.startsWith(o)) {
                return o;
            }
        }
        return "from/--to";
    }

    private List<LabFrame> run(ModelCheckpoint ckpt, LabPuzzle labPuzzle, InferenceSettings inference) {
        var stepper = new HrmEngineStepper(DefaultModels.shipped());
        stepper.useModel(ckpt, model.name());
        List<LabFrame> timeline = new ArrayList<>();
        try {
            timeline.add(stepper.start(labPuzzle, inference).lite());
            timeline.addAll(stepper.runToHalt().recorded());
        } catch (StepperException e) {
            throw new BadInputException(e.getMessage());
        }
        return timeline;
    }

    private AnimationResult export(AnimationSource source, AnimationSettings settings) throws Exception {
        HeadlessFx.start();
        var io = Executors.newSingleThreadExecutor(r -> {
            var t = new Thread(r, "hrm-io");
            t.setDaemon(true);
            return t;
        });
        try {
            var exporter = new AnimationExporter(io, "HRM Lab " + HrmLabCommand.VERSION);
            var started = new CompletableFuture<AnimationJob>();
            Platform.runLater(() -> {
                try {
                    started.complete(exporter.start(source, settings, out));
                } catch (RuntimeException e) {
                    started.completeExceptionally(e);
                }
            });
            return started.thenCompose(AnimationJob::result).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException && e.getCause()
                    .getCause() != null ? e.getCause().getCause() : e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new BadInputException(cause.getMessage());
            }
            if (cause instanceof java.io.IOException io2) {
                throw new BadInputException(out + ": " + io2.getMessage());
            }
            throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
        } finally {
            io.shutdown();
        }
    }
}
