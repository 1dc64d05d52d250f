package org.hrmlab.app.inspector;


import javafx.scene.canvas.GraphicsContext;

import org.hrmlab.viz.fx.LayeredRegion;
import org.hrmlab.viz.fx.ResizableCanvas;
import org.hrmlab.viz.grid.ArcRenderer;
import org.hrmlab.viz.grid.GridGeometry;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.grid.HeatOverlay;
import org.hrmlab.viz.grid.HeatOverlayRenderer;
import org.hrmlab.viz.grid.MazeRenderer;
import org.hrmlab.viz.grid.SudokuRenderer;

/**
 * Draws a {@link BoardSnapshot} with the renderer for its kind, and a {@link HeatOverlay} over its cells with a legend
 * strip below. The overlay has a layer of its own, between the cells and the grid lines; the grid lines sit on a
 * transparent canvas on top and are repainted only when the grid's shape, the legend strip, the size or the theme
 * changes, not at every update.
 */
public final class BoardCanvas extends LayeredRegion {
    private static final double MARGIN = 12;

    /** What the grid lines depend on. */
    private record Lines(Class<?> kind, int rows, int cols, boolean legend) {
        static Lines of(BoardSnapshot snapshot, HeatOverlay overlay) {
            boolean legend = hasLegend(overlay);
            if (snapshot instanceof BoardSnapshot.Sudoku s) {
                return new Lines(BoardSnapshot.Sudoku.class, s.board().size(), s.board().size(), legend);
            }
            if (snapshot instanceof BoardSnapshot.Maze m) {
                return new Lines(BoardSnapshot.Maze.class, m.board().rows(), m.board().cols(), legend);
            }
            return new Lines(null, 0, 0, legend);
        }
    }

    private final ResizableCanvas cells = new ResizableCanvas();
    private final ResizableCanvas heat = new ResizableCanvas();
    private final ResizableCanvas lines = new ResizableCanvas();
    private BoardSnapshot board = new BoardSnapshot.Empty();
    private HeatOverlay overlay = HeatOverlay.NONE;
    private Lines shape = Lines.of(board, overlay);
    private GridTheme theme = GridTheme.LIGHT;

    public BoardCanvas() {
        super(200, 150);
        getStyleClass().add("board-canvas");
        heat.setMouseTransparent(true);
        lines.setMouseTransparent(true);
        addLayers(cells, heat, lines);
        cells.setPainter((g, w, h) -> paintCells(g, w, h, board, overlay, theme));
        heat.setPainter((g, w, h) -> paintOverlay(g, w, h, board, overlay, theme));
        lines.setPainter((g, w, h) -> paintLines(g, w, h, board, overlay, theme));
    }

    public void show(BoardSnapshot snapshot) {
        show(snapshot, overlay);
    }

    /** Shows a board with an overlay ({@link HeatOverlay#NONE} for none); both are drawn at once. */
    public void show(BoardSnapshot snapshot, HeatOverlay newOverlay) {
        board = snapshot;
        overlay = newOverlay;
        cells.repaint();
        heat.repaint();
        var newShape = Lines.of(snapshot, newOverlay);
        if (!newShape.equals(shape)) {
            shape = newShape;
            lines.repaint();
        }
    }

    public BoardSnapshot getBoard() {
        return board;
    }

    public HeatOverlay getOverlay() {
        return overlay;
    }

    /** The layer the overlay is drawn on (transparent elsewhere), for tests and snapshots. */
    ResizableCanvas overlayLayer() {
        return heat;
    }

    /** @return where the overlay's cells are drawn at the current size, or null when none are */
    public GridGeometry overlayCells() {
        return overlayGeometry(getWidth(), getHeight(), board, overlay);
    }

    public void setTheme(GridTheme theme) {
        this.theme = theme;
        cells.repaint();
        heat.repaint();
        lines.repaint();
    }

    /** Paints {@code snapshot} into any graphics context of the given size (also used for exports). */
    public static void paint(GraphicsContext g, double w, double h, BoardSnapshot snapshot, GridTheme theme) {
        paint(g, w, h, snapshot, HeatOverlay.NONE, theme);
    }

    /** Paints {@code snapshot} with {@code overlay} and its legend, as on screen (also used for exports). */
    public static void paint(GraphicsContext g, double w, double h, BoardSnapshot snapshot, HeatOverlay overlay,
                             GridTheme theme) {
        paintCells(g, w, h, snapshot, overlay, theme);
        paintOverlay(g, w, h, snapshot, overlay, theme);
        paintLines(g, w, h, snapshot, overlay, theme);
    }

    /**
     * @return where the overlay's cells lie on a {@code w x h} board: the Sudoku or maze grid, or an ARC task's
     *         prediction; null when the overlay has no cells or they do not match the board's
     */
    static GridGeometry overlayGeometry(double w, double h, BoardSnapshot snapshot, HeatOverlay overlay) {
        if (overlay.isEmpty()) {
            return null;
        }
        double bh = boardHeight(h, overlay);
        GridGeometry geo = null;
        if (snapshot instanceof BoardSnapshot.Sudoku s) {
            geo = GridGeometry.fit(w, bh, s.board().size(), s.board().size(), MARGIN);
        } else if (snapshot instanceof BoardSnapshot.Maze m) {
            geo = GridGeometry.fit(w, bh, m.board().rows(), m.board().cols(), MARGIN);
        } else if (snapshot instanceof BoardSnapshot.Arc a) {
            var panel = ArcRenderer.predictionPanel(a.board(), w, bh);
            geo = panel == null ? null : panel.geometry();
        }
        return geo != null && geo.rows() == overlay.rows() && geo.cols() == overlay.cols() ? geo : null;
    }

    private static boolean hasLegend(HeatOverlay overlay) {
        return !overlay.title().isEmpty();
    }

    /** The height left to the board above the legend strip. */
    private static double boardHeight(double h, HeatOverlay overlay) {
        return hasLegend(overlay) ? Math.max(0, h - HeatOverlayRenderer.LEGEND_HEIGHT) : h;
    }

    private static void paintCells(GraphicsContext g, double w, double h, BoardSnapshot snapshot,
                                   HeatOverlay overlay, GridTheme theme) {
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        double bh = boardHeight(h, overlay);
        if (snapshot instanceof BoardSnapshot.Sudoku s) {
            int n = s.board().size();
            SudokuRenderer.drawCells(g, GridGeometry.fit(w, bh, n, n, MARGIN), s.board(), theme);
        } else if (snapshot instanceof BoardSnapshot.Maze m) {
            var b = m.board();
            MazeRenderer.drawCells(g, GridGeometry.fit(w, bh, b.rows(), b.cols(), MARGIN), b, theme);
        } else if (snapshot instanceof BoardSnapshot.Arc a) {
            ArcRenderer.draw(g, w, bh, a.board(), theme);
        }
    }

    private static void paintOverlay(GraphicsContext g, double w, double h, BoardSnapshot snapshot,
                                     HeatOverlay overlay, GridTheme theme) {
        if (!hasLegend(overlay) || snapshot instanceof BoardSnapshot.Empty) {
            return;
        }
        var geo = overlayGeometry(w, h, snapshot, overlay);
        if (geo != null) {
            HeatOverlayRenderer.drawCells(g, geo, overlay);
        }
        HeatOverlayRenderer.drawLegend(g, MARGIN, boardHeight(h, overlay), Math.max(0, w - 2 * MARGIN), overlay,
                theme);
    }

    private static void paintLines(GraphicsContext g, double w, double h, BoardSnapshot snapshot,
                                   HeatOverlay overlay, GridTheme theme) {
        double bh = boardHeight(h, overlay);
        if (snapshot instanceof BoardSnapshot.Sudoku s) {
            int n = s.board().size();
            SudokuRenderer.drawLines(g, GridGeometry.fit(w, bh, n, n, MARGIN), n, theme);
        } else if (snapshot instanceof BoardSnapshot.Maze m) {
            var b = m.board();
            MazeRenderer.drawGridLines(g, GridGeometry.fit(w, bh, b.rows(), b.cols(), MARGIN), b.rows(), b.cols(),
                    theme);
        }
    }
}
