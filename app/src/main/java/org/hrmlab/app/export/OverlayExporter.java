package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hrmlab.app.analysis.AnalysisExport;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.viz.export.ExportManifest;
import org.hrmlab.viz.export.FigureExporter;
import org.hrmlab.viz.export.FigureFormat;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.plot.OverlayChart;
import org.hrmlab.viz.plot.OverlayFigureData;

/**
 * Exports the board's overlay at one update, the way grids and figures are exported: {@code board_overlay.png} (the
 * board with its overlay and legend as the inspector draws it, at a chosen DPI), {@code overlay.svg/.pdf/.png} (the
 * overlay as a heat-map figure with each cell's text), {@code overlay.csv} and {@code overlay.json} (the data) and
 * {@code manifest.json} (model, puzzle, update, settings, scale, and the {@code hrmlab animate} command that draws
 * the board again). {@link #regenerate} re-draws the figures from {@code overlay.json}. The board is drawn on the FX
 * thread, files are written on a background executor.
 */
public final class OverlayExporter {
    /** The board drawing's file. */
    public static final String BOARD = "board_overlay.png";
    /** The figure files' base name. */
    public static final String FIGURE = "overlay";
    /** The figure formats written. */
    public static final Set<FigureFormat> FORMATS = EnumSet.allOf(FigureFormat.class);
    /** The figure's size in points: square cells and the colour bar beside them. */
    public static final double FIGURE_WIDTH_PT = 440;
    public static final double FIGURE_HEIGHT_PT = 400;
    private static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Executor io;
    private final Executor fx;
    private final Notices notices;

    /**
     * @param io      where files are written
     * @param fx      where notices are posted ({@code Platform::runLater})
     * @param notices receives "wrote ..." or the error
     */
    public OverlayExporter(Executor io, Executor fx, Notices notices) {
        this.io = Objects.requireNonNull(io, "io");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** Draws the board now (FX thread) and writes everything into {@code dir} in the background. */
    public void export(OverlaySnapshot snapshot, GridTheme theme, double dpi, Path dir) {
        var board = GridExporter.render(snapshot.board(), snapshot.overlay(), theme, GridExporter.WIDTH,
                GridExporter.HEIGHT, dpi);
        io.execute(() -> {
            try {
                List<String> files = write(snapshot, board, theme, dpi, dir);
                fx.execute(() -> notices.info("Wrote the overlay (" + files.size() + " files) to " + dir));
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> notices.error("Overlay export to " + dir + " failed: " + e.getMessage()));
            }
        });
    }

    /**
     * Writes every file now, on the calling thread, the board already drawn ({@link GridExporter#render}).
     *
     * @return the names of the files written, manifest last
     */
    public static List<String> write(OverlaySnapshot s, BufferedImage board, GridTheme theme, double dpi, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        PngWriter.write(board, dir.resolve(BOARD), dpi);
        files.add(BOARD);
        var data = OverlayFigure.data(s);
        int figureDpi = (int) Math.round(dpi);
        files.addAll(figures(data, dir, figureDpi));
        OverlayFigure.table(s).write(dir.resolve(OverlayFigure.TABLE));
        files.add(OverlayFigure.TABLE);
        var json = new ExportManifest();
        OverlayFigure.json(s, data).forEach(json::put);
        json.write(dir.resolve(OverlayFigure.DATA));
        files.add(OverlayFigure.DATA);
        files.add(MANIFEST);
        manifest(s, theme, dpi, board, files).write(dir.resolve(MANIFEST));
        return files;
    }

    /**
     * Draws the figures of an earlier export again from its {@code overlay.json}, in the formats, size and DPI its
     * manifest names.
     *
     * @return the figure files written
     */
    public static List<String> regenerate(Path dir) throws IOException {
        var data = OverlayFigure.read(dir.resolve(OverlayFigure.DATA));
        JsonNode figure = JSON.readTree(dir.resolve(MANIFEST).toFile()).path("figure");
        return figures(data, dir, figure.path("dpi").asInt(FigureExporter.DEFAULT_DPI));
    }

    private static List<String> figures(OverlayFigureData data, Path dir, int dpi) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path p : FigureExporter.export(OverlayChart.create(data), dir, FIGURE, FORMATS, FIGURE_WIDTH_PT,
                FIGURE_HEIGHT_PT, dpi)) {
            names.add(p.getFileName().toString());
        }
        return names;
    }

    private static ExportManifest manifest(OverlaySnapshot s, GridTheme theme, double dpi, BufferedImage board,
                                           List<String> files) {
        var frame = s.frame();
        var overlay = s.overlay();
        Map<String, Object> puzzle = new LinkedHashMap<>();
        puzzle.put("name", s.puzzle().name());
        puzzle.put("kind", s.puzzle().kind().name().toLowerCase());
        puzzle.put("rows", s.puzzle().input().rows());
        puzzle.put("cols", s.puzzle().input().cols());
        puzzle.put("input", s.puzzle().input().cells());
        puzzle.put("answer_known", s.puzzle().hasAnswer());
        puzzle.put("spec", OverlayCommand.bundledSpec(s.puzzle()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", s.model());
        model.put("checkpoint", s.checkpoint());
        model.put("checkpoint_sha256", s.checkpointSha256());
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("index", frame.index());
        update.put("kind", frame.kind().name());
        update.put("segment", frame.segment());
        update.put("h_cycle", frame.hCycle());
        update.put("l_step", frame.lStep());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("layer", s.layer().cliName());
        settings.put("values", s.layer() == org.hrmlab.app.inspector.OverlayLayer.STATE_CHANGE
                ? "L2 norm over the hidden axis of z_t - z_(t-1) of the state this update wrote (zL at an L-update, "
                + "zH at an H-update), read at each cell's sequence position through the puzzle's codec"
                : "softmax probability of each cell's decoded (argmax) token, of the decode mode's logits");
        settings.put("cells", s.puzzle().kind() == org.hrmlab.puzzles.PuzzleKind.ARC
                ? "the decoded prediction (cropped at the EOS border), top left of the canvas" : "the board");
        settings.put("legend", overlay.title());
        settings.put("scale_max", overlay.max());
        settings.put("scale", overlay.scaleNote());
        settings.put("run_scale_max_l", s.scale().maxL());
        settings.put("run_scale_max_h", s.scale().maxH());
        settings.put("colour_map", "viridis");
        settings.put("board_alpha", org.hrmlab.viz.grid.HeatOverlayRenderer.ALPHA);
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("formats", FORMATS.stream().map(FigureFormat::extension).toList());
        figure.put("dpi", (int) Math.round(dpi));
        figure.put("width_pt", FIGURE_WIDTH_PT);
        figure.put("height_pt", FIGURE_HEIGHT_PT);
        figure.put("board_png_width_px", board.getWidth());
        figure.put("board_png_height_px", board.getHeight());
        figure.put("theme", theme.dark() ? "dark" : "light");
        Map<String, Object> regenerate = new LinkedHashMap<>();
        regenerate.put("figures", "OverlayExporter.regenerate(folder) draws overlay.svg/.pdf/.png again from "
                + OverlayFigure.DATA);
        regenerate.put("board", OverlayCommand.animate(s, dpi, theme));
        return new ExportManifest()
                .put("program", AnalysisExport.PROGRAM_VERSION)
                .put("created", java.time.Instant.now().toString())
                .put("puzzle", puzzle)
                .put("model", model)
                .put("decode_mode", AnimationRecord.decodeName(s.inference().decodeMode()))
                .put("decoded", s.inference().decodeMode().formula(s.names()))
                .put("inference", s.inference())
                .put("update", update)
                .put("overlay", settings)
                .put("figure", figure)
                .put("regenerate", regenerate)
                .put("files", List.copyOf(files));
    }
}
