package org.hrmlab.app.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hrmlab.app.analysis.AnalysisExport;
import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.export.GridExporter;
import org.hrmlab.app.export.PngWriter;
import org.hrmlab.app.inspector.BoardSnapshot;
import org.hrmlab.engine.HaltRule;
import org.hrmlab.viz.color.SeriesPalette;
import org.hrmlab.viz.export.CsvTable;
import org.hrmlab.viz.export.ExportManifest;
import org.hrmlab.viz.export.FigureExporter;
import org.hrmlab.viz.export.FigureFormat;
import org.hrmlab.viz.grid.GridTheme;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Exports the Compare screen's current view as the lab's other figures are exported: the two decoded grids side by
 * side as a PNG at a chosen DPI (recorded in the file), the Q logits of both models per segment with the cursor as
 * SVG, PDF and PNG, their data as CSV, and {@code manifest.json} (both models with their files' SHA-256, families,
 * schedules and the updates shown, the puzzle and the cursor). The boards are drawn on the FX thread
 * ({@link #renderGrids}); everything else may run anywhere.
 */
public final class CompareExport {
    /** Logical size of one exported board, in points (1/96 inch at 96 DPI). */
    public static final double BOARD = 420;
    private static final double TITLE = 40;

    /** One side as it is on screen. */
    public record Side(String label, SlotModel model, BoardSnapshot board, int shown, SlotTrace trace,
                       DecodeMode decode) {
        /** @return e.g. "A · step_0 (TRM) · update 8", with the decode when it is not the direct one */
        String title() {
            return label + " \u00b7 " + (model == null ? "no model" : model.name() + " (" + model.family().name()
                    + ")") + (decode == DecodeMode.DIRECT || model == null ? "" : " \u00b7 "
                    + decode.label(model.names())) + (shown < 0 ? "" : " \u00b7 update " + shown);
        }
    }

    /** The view to export: the puzzle, the cursor and both sides. */
    public record View(String puzzle, AlignedCursor cursor, Side a, Side b) {
        /** Takes what the screen shows now. FX thread. */
        public static View of(CompareViewModel vm) {
            var p = vm.getPuzzle();
            return new View(p == null ? "" : p.name(), vm.getCursor(), side(vm.a()), side(vm.b()));
        }

        private static Side side(CompareSlot s) {
            return new Side(s.label(), s.getModel(), s.boardProperty().get(), s.getShown(), s.traceProperty().get(),
                    s.decodeMode());
        }
    }

    private CompareExport() {
    }

    /** Draws both boards side by side with their titles at {@code dpi}. FX thread (boards draw on a canvas). */
    public static BufferedImage renderGrids(View v, GridTheme theme, double dpi) {
        double scale = dpi / 96.0;
        var left = GridExporter.render(v.a().board(), theme, BOARD, BOARD, dpi);
        var right = GridExporter.render(v.b().board(), theme, BOARD, BOARD, dpi);
        int title = (int) Math.round(TITLE * scale);
        var out = new BufferedImage(left.getWidth() + right.getWidth(), title + Math.max(left.getHeight(),
                right.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(awt(theme.background()));
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(left, 0, title, null);
            g.drawImage(right, left.getWidth(), title, null);
            g.setColor(awt(theme.givenText()));
            g.setFont(new Font("SansSerif", Font.PLAIN, (int) Math.round(13 * scale)));
            int base = (int) Math.round(TITLE * 0.62 * scale);
            g.drawString(v.a().title(), (int) Math.round(10 * scale), base);
            g.drawString(v.b().title(), left.getWidth() + (int) Math.round(10 * scale), base);
            g.setStroke(new BasicStroke((float) scale));
            g.drawLine(left.getWidth(), 0, left.getWidth(), out.getHeight());
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Writes the side-by-side grids as one PNG with {@code dpi} recorded in it. Not the FX thread. */
    public static void writeGrids(BufferedImage grids, Path file, double dpi) throws IOException {
        PngWriter.write(grids, file, dpi);
    }

    /**
     * Writes {@code compare_grids.png}, {@code compare_q} (SVG, PDF, PNG), {@code compare_q.csv} and
     * {@code manifest.json} into {@code dir}.
     *
     * @param grids the boards from {@link #renderGrids} at {@code dpi}
     * @return the names of the files written, manifest last
     */
    public static List<String> write(View v, BufferedImage grids, int dpi, Path dir) throws IOException {
        Objects.requireNonNull(v, "view");
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        writeGrids(grids, dir.resolve("compare_grids.png"), dpi);
        files.add("compare_grids.png");
        for (Path p : FigureExporter.export(qChart(v), dir, "compare_q", EnumSet.allOf(FigureFormat.class),
                FigureExporter.DEFAULT_WIDTH_PT, FigureExporter.DEFAULT_HEIGHT_PT, dpi)) {
            files.add(p.getFileName().toString());
        }
        qTable(v).write(dir.resolve("compare_q.csv"));
        files.add("compare_q.csv");
        var m = new ExportManifest();
        m.put("program", AnalysisExport.PROGRAM_VERSION);
        m.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("view", "compare");
        m.put("puzzle", v.puzzle());
        Map<String, Object> cursor = new LinkedHashMap<>();
        cursor.put("segment", v.cursor().segment());
        cursor.put("step", v.cursor().step());
        cursor.put("steps", v.cursor().steps());
        cursor.put("position_in_segments", v.cursor().position());
        cursor.put("alignment", "each model shows its latest update at or before the cursor's point of the segment");
        m.put("cursor", cursor);
        m.put("models", List.of(describe(v.a()), describe(v.b())));
        m.put("dpi", dpi);
        files.add("manifest.json");
        m.put("files", List.copyOf(files));
        m.write(dir.resolve("manifest.json"));
        return files;
    }

    /** The Q logits of both models per segment, the cursor as a vertical line. */
    public static JFreeChart qChart(View v) {
        var data = new XYSeriesCollection();
        var renderer = new XYLineAndShapeRenderer(true, true);
        int colour = 0;
        for (Side s : List.of(v.a(), v.b())) {
            var q = s.trace().q();
            String name = s.label() + " " + (s.model() == null ? "" : s.model().name() + " ");
            var halt = new XYSeries(name + "q_halt", false, true);
            var cont = new XYSeries(name + "q_continue", false, true);
            for (int seg = 1; seg <= q.segments(); seg++) {
                halt.add(seg, q.qHalt(seg));
                cont.add(seg, q.qContinue(seg));
            }
            data.addSeries(halt);
            renderer.setSeriesPaint(data.getSeriesCount() - 1, SeriesPalette.colour(colour));
            if (q.rule() == HaltRule.HALT_ABOVE_CONTINUE) {
                data.addSeries(cont);
                renderer.setSeriesPaint(data.getSeriesCount() - 1, SeriesPalette.colour(colour));
                renderer.setSeriesStroke(data.getSeriesCount() - 1, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
            }
            colour++;
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Q logits per segment: " + v.puzzle(), "segment",
                "logit", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(0.8f)));
        plot.addDomainMarker(new ValueMarker(v.cursor().position(), new Color(0xD55E00), new BasicStroke(1.2f)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(haltRules(v), new Font("SansSerif", Font.PLAIN, 9)));
        return chart;
    }

    private static String haltRules(View v) {
        var b = new StringBuilder("halts when ");
        for (Side s : List.of(v.a(), v.b())) {
            if (s != v.a()) {
                b.append("; ");
            }
            b.append(s.label()).append(": ").append(s.trace().q().rule().text());
        }
        return b.append(" \u00b7 cursor: segment ").append(String.format(java.util.Locale.ROOT, "%.2f",
                v.cursor().position())).toString();
    }

    private static CsvTable qTable(View v) {
        var t = new CsvTable("slot", "model", "family", "segment", "q_halt", "q_continue", "halt_rule", "halts");
        for (Side s : List.of(v.a(), v.b())) {
            var q = s.trace().q();
            for (int seg = 1; seg <= q.segments(); seg++) {
                t.add(s.label(), s.model() == null ? "" : s.model().name(),
                        s.model() == null ? "" : s.model().family().id(), seg, q.qHalt(seg), q.qContinue(seg),
                        q.rule().text(), q.halts(seg));
            }
        }
        return t;
    }

    private static Map<String, Object> describe(Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slot", s.label());
        var model = s.model();
        m.put("name", model == null ? null : model.name());
        m.put("source", model == null ? null : model.source());
        m.put("checkpoint_sha256", model == null ? null : model.sha256());
        m.put("family", model == null ? null : model.family().id());
        m.put("high_state", model == null ? null : model.highState());
        m.put("low_state", model == null ? null : model.lowState());
        m.put("decode_mode", s.decode().cliName());
        m.put("decoded", model == null ? null : s.decode().formula(model.names()));
        m.put("halt_rule", (model == null ? s.trace().q().rule() : model.haltRule()).text());
        m.put("updates_per_segment", s.trace().updatesPerSegment());
        m.put("max_segments", s.trace().maxSegments());
        m.put("recorded_updates", s.trace().recorded());
        m.put("segments_recorded", s.trace().q().segments());
        m.put("shown_update", s.shown());
        return m;
    }

    private static Color awt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
