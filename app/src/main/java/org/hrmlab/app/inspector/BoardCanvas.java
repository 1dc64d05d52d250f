package org.hrmlab.app.inspector;

import javafx.scene.canvas.GraphicsContext;

import org.hrmlab.viz.fx.ResizableCanvas;
import org.hrmlab.viz.grid.ArcRenderer;
import org.hrmlab.viz.grid.GridGeometry;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.grid.MazeRenderer;
import org.hrmlab.viz.grid.SudokuRenderer;

/** Draws a {@link BoardSnapshot} with the renderer for its kind. */
public final class BoardCanvas extends ResizableCanvas {
    private BoardSnapshot board = new BoardSnapshot.Empty();
    private GridTheme theme = GridTheme.LIGHT;

    public BoardCanvas() {
        getStyleClass().add("board-canvas");
        setPainter(this::paint);
    }

    public void show(BoardSnapshot snapshot) {
        board = snapshot;
        repaint();
    }

    public BoardSnapshot getBoard() {
        return board;
    }

    public void setTheme(GridTheme theme) {
        this.theme = theme;
        repaint();
    }

    /** Paints {@code snapshot} into any graphics context of the given size (also used for exports). */
    public static void paint(GraphicsContext g, double w, double h, BoardSnapshot snapshot, GridTheme theme) {
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (snapshot instanceof BoardSnapshot.Sudoku s) {
            int n = s.board().size();
            SudokuRenderer.draw(g, GridGeometry.fit(w, h, n, n, 12), s.board(), theme);
        } else if (snapshot instanceof BoardSnapshot.Maze m) {
            var b = m.board();
            MazeRenderer.draw(g, GridGeometry.fit(w, h, b.rows(), b.cols(), 12), b, theme);
        } else if (snapshot instanceof BoardSnapshot.Arc a) {
            ArcRenderer.draw(g, w, h, a.board(), theme);
        }
    }

    private void paint(GraphicsContext g, double w, double h) {
        paint(g, w, h, board, theme);
    }
}
