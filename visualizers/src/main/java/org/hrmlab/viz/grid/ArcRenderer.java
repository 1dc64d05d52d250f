package org.hrmlab.viz.grid;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.hrmlab.puzzles.readings.ArcDistance;

/** Paints an {@link ArcBoard}: input, prediction and expected output side by side, differing cells crossed. */
public final class ArcRenderer {
    private static final double GAP = 24;
    private static final double TITLE = 18;
    /** The title of the prediction's panel. */
    private static final String PREDICTION = "prediction";

    private ArcRenderer() {
    }

    /** One panel of the layout. */
    public record Panel(String title, ColorGrid grid, GridGeometry geometry) {
    }

    /**
     * Marks the prediction's cells that differ from the expected output; cells outside the expected grid count as
     * different. Empty when either grid is empty. Pure.
     */
    public static boolean[] diff(ColorGrid predicted, ColorGrid expected) {
        if (predicted.isEmpty() || expected.isEmpty()) {
            return new boolean[0];
        }
        boolean[] out = new boolean[predicted.rows() * predicted.cols()];
        for (int r = 0; r < predicted.rows(); r++) {
            for (int c = 0; c < predicted.cols(); c++) {
                boolean inside = r < expected.rows() && c < expected.cols();
                out[r * predicted.cols() + c] = !inside || expected.at(r, c) != predicted.at(r, c);
            }
        }
        return out;
    }

    /** Lays the non-empty grids out left to right in a {@code width x height} area with a shared cell size. Pure. */
    public static List<Panel> layout(ArcBoard board, double width, double height) {
        var grids = new ArrayList<Panel>();
        addIfPresent(grids, "input", board.input());
        addIfPresent(grids, PREDICTION, board.predicted());
        addIfPresent(grids, "expected", board.expected());
        if (grids.isEmpty()) {
            return List.of();
        }
        int totalCols = 0;
        int maxRows = 0;
        for (var p : grids) {
            totalCols += p.grid().cols();
            maxRows = Math.max(maxRows, p.grid().rows());
        }
        double margin = 8;
        double availW = width - 2 * margin - GAP * (grids.size() - 1);
        double availH = height - 2 * margin - TITLE;
        double cell = Math.max(0, Math.floor(Math.min(availW / totalCols, availH / maxRows)));
        double used = cell * totalCols + GAP * (grids.size() - 1);
        double x = Math.round(margin + (width - 2 * margin - used) / 2);
        double top = margin + TITLE + Math.max(0, (availH - cell * maxRows) / 2);
        var out = new ArrayList<Panel>();
        for (var p : grids) {
            var g = p.grid();
            out.add(new Panel(p.title(), g, new GridGeometry(x, Math.round(top), cell, g.rows(), g.cols())));
            x += cell * g.cols() + GAP;
        }
        return out;
    }

    /** @return the prediction's panel of {@link #layout}, or null when there is no prediction to draw. Pure. */
    public static Panel predictionPanel(ArcBoard board, double width, double height) {
        for (var panel : layout(board, width, height)) {
            if (panel.title().equals(PREDICTION)) {
                return panel;
            }
        }
        return null;
    }

    private static void addIfPresent(List<Panel> panels, String title, ColorGrid grid) {
        if (!grid.isEmpty()) {
            panels.add(new Panel(title, grid, null));
        }
    }

    /** Draws the board into a {@code width x height} area. Call on the FX thread. */
    public static void draw(GraphicsContext g, double width, double height, ArcBoard board, GridTheme theme) {
        boolean[] diff = diff(board.predicted(), board.expected());
        g.setFont(Font.font("System", 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        for (var panel : layout(board, width, height)) {
            var geo = panel.geometry();
            var grid = panel.grid();
            g.setFill(theme.givenText());
            String title = panel.title() + "  " + grid.rows() + "\u00d7" + grid.cols();
            if (panel.title().equals(PREDICTION) && !board.expected().isEmpty()) {
                var p = board.predicted();
                var e = board.expected();
                title += "  \u0394 " + ArcDistance.of(p.cells(), p.rows(), p.cols(), e.cells(), e.rows(), e.cols())
                        .total();
            }
            g.fillText(title, geo.x0(), geo.y0() - 4);
            boolean marks = panel.title().equals(PREDICTION) && diff.length > 0;
            drawGrid(g, geo, grid, marks ? diff : null, theme);
        }
    }

    private static void drawGrid(GraphicsContext g, GridGeometry geo, ColorGrid grid, boolean[] diff,
                                 GridTheme theme) {
        double cell = geo.cell();
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                g.setFill(ArcPalette.color(grid.at(r, c)));
                g.fillRect(geo.x(c), geo.y(r), cell, cell);
            }
        }
        g.setStroke(theme.dark() ? theme.gridLine() : ArcPalette.color(5).darker());
        g.setLineWidth(cell >= 10 ? 1 : 0.5);
        for (int c = 0; c <= grid.cols(); c++) {
            g.strokeLine(geo.x(c), geo.y(0), geo.x(c), geo.y(grid.rows()));
        }
        for (int r = 0; r <= grid.rows(); r++) {
            g.strokeLine(geo.x(0), geo.y(r), geo.x(grid.cols()), geo.y(r));
        }
        if (diff == null) {
            return;
        }
        g.setStroke(theme.diff());
        g.setLineWidth(Math.max(1.5, cell * 0.1));
        for (int i = 0; i < diff.length; i++) {
            if (diff[i]) {
                double x = geo.x(i % grid.cols());
                double y = geo.y(i / grid.cols());
                double m = cell * 0.22;
                g.strokeLine(x + m, y + m, x + cell - m, y + cell - m);
                g.strokeLine(x + cell - m, y + m, x + m, y + cell - m);
            }
        }
        boolean anyDiff = false;
        for (boolean d : diff) {
            anyDiff |= d;
        }
        g.setStroke(anyDiff ? theme.diff() : theme.start());
        g.setLineWidth(2);
        g.strokeRect(geo.x0() - 1, geo.y0() - 1, geo.width() + 2, geo.height() + 2);
    }
}
