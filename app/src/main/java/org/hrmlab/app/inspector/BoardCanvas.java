package org.hrmlab.app.inspector;


import javafx.scene.canvas.GraphicsContext;

import org.hrmlab.viz.fx.LayeredRegion;
import org.hrmlab.viz.fx.ResizableCanvas;
import org.hrmlab.viz.grid.ArcRenderer;
import org.hrmlab.viz.grid.GridGeometry;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.grid.MazeRenderer;
import org.hrmlab.viz.grid.SudokuRenderer;

/**
 * Draws a {@link BoardSnapshot} with the renderer for its kind. The grid lines sit on a transparent canvas over the
 * cells and are repainted only when the grid's shape, the size or the theme changes, not at every update.
 */
public final class BoardCanvas extends LayeredRegion {
    /** What the grid lines depend on. */
    private record Lines(Class<?> kind, int rows, int cols) {
        static Lines of(BoardSnapshot snapshot) {
            if (snapshot instanceof BoardSnapshot.Sudoku s) {
                return new Lines(BoardSnapshot.Sudoku.class, s.board().size(), s.board().size());
            }
            if (snapshot instanceof BoardSnapshot.Maze m) {
                return new Lines(BoardSnapshot.Maze.class, m.board().rows(), m.board().cols());
            }
            return new Lines(null, 0, 0);
        }
    }

    private final ResizableCanvas cells = new ResizableCanvas();
    private final ResizableCanvas lines = new ResizableCanvas();
    private BoardSnapshot board = new BoardSnapshot.Empty();
    private Lines shape = Lines.of(board);
    private GridTheme theme = GridTheme.LIGHT;

    public BoardCanvas() {
        super(200, 150);
        getStyleClass().add("board-canvas");
        lines.setMouseTransparent(true);
        addLayers(cells, lines);
        cells.setPainter((g, w, h) -> paintCells(g, w, h, board, theme));
        lines.setPainter((g, w, h) -> paintLines(g, w, h, board, theme));
    }

    public void show(BoardSnapshot snapshot) {
        board = snapshot;
        cells.repaint();
        var newShape = Lines.of(snapshot);
        if (!newShape.equals(shape)) {
            shape = newShape;
            lines.repaint();
        }
    }

    public BoardSnapshot getBoard() {
        return board;
    }

    public void setTheme(GridTheme theme) {
        this.theme = theme;
        cells.repaint();
        lines.repaint();
    }

    /** Paints {@code snapshot} into any graphics context of the given size (also used for exports). */
    public static void paint(GraphicsContext g, double w, double h, BoardSnapshot snapshot, GridTheme theme) {
        paintCells(g, w, h, snapshot, theme);
        paintLines(g, w, h, snapshot, theme);
    }

    private static void paintCells(GraphicsContext g, double w, double h, BoardSnapshot snapshot, GridTheme theme) {
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (snapshot instanceof BoardSnapshot.Sudoku s) {
            int n = s.board().size();
            SudokuRenderer.drawCells(g, GridGeometry.fit(w, h, n, n, 12), s.board(), theme);
        } else if (snapshot instanceof BoardSnapshot.Maze m) {
            var b = m.board();
            MazeRenderer.drawCells(g, GridGeometry.fit(w, h, b.rows(), b.cols(), 12), b, theme);
        } else if (snapshot instanceof BoardSnapshot.Arc a) {
            ArcRenderer.draw(g, w, h, a.board(), theme);
        }
    }

    private static void paintLines(GraphicsContext g, double w, double h, BoardSnapshot snapshot, GridTheme theme) {
        if (snapshot instanceof BoardSnapshot.Sudoku s) {
            int n = s.board().size();
            SudokuRenderer.drawLines(g, GridGeometry.fit(w, h, n, n, 12), n, theme);
        } else if (snapshot instanceof BoardSnapshot.Maze m) {
            var b = m.board();
            MazeRenderer.drawGridLines(g, GridGeometry.fit(w, h, b.rows(), b.cols(), 12), b.rows(), b.cols(), theme);
        }
    }
}
