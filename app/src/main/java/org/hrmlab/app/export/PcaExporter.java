package org.hrmlab.app.export;

import java.io.IOException;
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
import java.util.Set;
import java.util.concurrent.Executor;

import org.hrmlab.app.analysis.AnalysisExport;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.inspector.PcaChartData;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.viz.export.CsvTable;
import org.hrmlab.viz.export.ExportManifest;
import org.hrmlab.viz.export.FigureExporter;
import org.hrmlab.viz.export.FigureFormat;
import org.hrmlab.viz.plot.TrajectoryChart;

/**
 * Exports the inspector's PCA panel like {@code hrmlab analyze} exports its figures: {@code pca_zH} and
 * {@code pca_zL} as SVG, PDF and PNG (the same chart as on screen, with title, caption and legend, cursor ringed),
 * the projected points and explained variances as CSV, and {@code manifest.json}. Files are written on a background
 * executor; the outcome is reported as a notice.
 */
public final class PcaExporter {
    /** Every figure is written in these formats. */
    public static final Set<FigureFormat> FORMATS = EnumSet.of(FigureFormat.SVG, FigureFormat.PDF, FigureFormat.PNG);

    private final Executor io;
    private final Executor fx;
    private final Notices notices;

    /**
     * @param io      where files are written
     * @param fx      where notices are posted ({@code Platform::runLater})
     * @param notices receives "wrote ..." or the error
     */
    public PcaExporter(Executor io, Executor fx, Notices notices) {
        this.io = Objects.requireNonNull(io, "io");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /**
     * Writes {@code pca} into {@code dir} in the background.
     *
     * @param cursor     the update ringed in the figures
     * @param provenance puzzle, model and settings, copied into the manifest
     */
    public void export(TrajectoryPca pca, int cursor, Map<String, Object> provenance, Path dir) {
        var context = Map.copyOf(provenance);
        io.execute(() -> {
            try {
                List<String> files = write(pca, cursor, context, dir);
                fx.execute(() -> notices.info("Wrote " + files.size() + " PCA files to " + dir));
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> notices.error("PCA export to " + dir + " failed: " + e.getMessage()));
            }
        });
    }

    /**
     * Writes every file now, on the calling thread (headless-safe).
     *
     * @return the names of the files written, manifest last
     * @throws IllegalArgumentException when {@code pca} is not fitted
     */
    public static List<String> write(TrajectoryPca pca, int cursor, Map<String, Object> provenance, Path dir)
            throws IOException {
        if (!pca.fitted()) {
            throw new IllegalArgumentException("nothing to export: the PCA is not fitted yet");
        }
        List<String> files = new ArrayList<>();
        for (String latent : PcaChartData.LATENTS) {
            var chart = new TrajectoryChart(PcaChartData.of(pca, latent));
            chart.setCursor(cursor);
            for (Path p : FigureExporter.export(chart.chart(), dir, "pca_" + latent, FORMATS,
                    FigureExporter.DEFAULT_WIDTH_PT, FigureExporter.DEFAULT_HEIGHT_PT, FigureExporter.DEFAULT_DPI)) {
                files.add(p.getFileName().toString());
            }
        }
        files.add(save(points(pca), dir, "pca_points.csv"));
        files.add(save(variance(pca), dir, "pca_variance.csv"));
        ExportManifest m = new ExportManifest();
        m.put("program", AnalysisExport.PROGRAM_VERSION);
        m.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        provenance.forEach(m::put);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fit", pca.fitLabel());
        settings.put("pca_scope", "pooled over this puzzle's run");
        settings.put("pca_unit", "mean-pooled");
        settings.put("pca_updates", "all-updates");
        settings.put("include_prefix", false);
        settings.put("components", 2);
        settings.put("precision", "float64");
        settings.put("samples", pca.samples());
        settings.put("updates", pca.updates());
        settings.put("cursor", cursor);
        m.put("settings", settings);
        files.add("manifest.json");
        m.put("files", List.copyOf(files));
        m.write(dir.resolve("manifest.json"));
        return files;
    }

    private static CsvTable points(TrajectoryPca pca) {
        var t = new CsvTable("update", "segment_end", "zL_pc1", "zL_pc2", "zH_pc1", "zH_pc2");
        var ends = java.util.Arrays.stream(pca.segmentEnds()).boxed().collect(java.util.stream.Collectors.toSet());
        double[] l1 = pca.zL().pc1();
        double[] l2 = pca.zL().pc2();
        double[] h1 = pca.zH().pc1();
        double[] h2 = pca.zH().pc2();
        for (int i = 0; i < pca.updates(); i++) {
            t.add(i, ends.contains(i), l1[i], l2[i], h1[i], h2[i]);
        }
        return t;
    }

    private static CsvTable variance(TrajectoryPca pca) {
        var t = new CsvTable("latent", "component", "variance", "ratio", "samples");
        for (String latent : PcaChartData.LATENTS) {
            var p = pca.projection(latent);
            for (int c = 0; c < 2; c++) {
                t.add(latent, c + 1, p.variance()[c], p.ratio()[c], pca.samples());
            }
        }
        return t;
    }

    private static String save(CsvTable t, Path dir, String name) throws IOException {
        t.write(dir.resolve(name));
        return name;
    }
}
