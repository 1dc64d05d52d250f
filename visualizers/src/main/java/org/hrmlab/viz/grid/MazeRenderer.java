package org.hrmlab.viz.grid;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.hrmlab.puzzles.MazeCell;

/** Paints a {@link MazeBoard}: walls, S and G, path cells (new ones ringed) and recently removed cells fading out. */
public final class MazeRenderer {
    private MazeRenderer() {
    }

    /** The fill of cell {@code i}. Pure. */
    public static Color fillOf(MazeBoard board, int i, GridTheme theme) {
        return switch (MazeCell.ofCode(board.cell(i))) {
            case WALL -> theme.wall();
            case START -> theme.start();
            case GOAL -> theme.goal();
            default -> {
                if (board.onPath(i)) {
                    yield theme.path();
                }
                float fade = board.fadeAt(i);
                yield fade > 0 ? theme.open().interpolate(theme.removed(), fade) : theme.open();
            }
        };
    }

    /** The letter drawn on cell {@code i} ("S", "G" or ""). Pure. */
    public static String labelOf(MazeBoard board, int i) {
        return switch (MazeCell.ofCode(board.cell(i))) {
            case START -> "S";
            case GOAL -> "G";
            default -> "";
        };
    }

    /** Draws the maze into {@code geometry}: {@link #drawCells} then {@link #drawGridLines}. Call on the FX thread. */
    public static void draw(GraphicsContext g, GridGeometry geometry, MazeBoard board, GridTheme theme) {
        drawCells(g, geometry, board, theme);
        drawGridLines(g, geometry, board.rows(), board.cols(), theme);
    }

    /** Draws everything but the grid lines: walls, S and G, path and fading cells. */
    public static void drawCells(GraphicsContext g, GridGeometry geometry, MazeBoard board, GridTheme theme) {
        double cell = geometry.cell();
        g.setFill(theme.background());
        g.fillRect(geometry.x0(), geometry.y0(), geometry.width(), geometry.height());
        for (int i = 0; i < board.rows() * board.cols(); i++) {
            double x = geometry.x(i % board.cols());
            double y = geometry.y(i / board.cols());
            g.setFill(fillOf(board, i, theme));
            g.fillRect(x, y, cell, cell);
            if (board.addedAt(i) && board.onPath(i) && board.cell(i) == MazeCell.OPEN.code()) {
                g.setStroke(theme.background());
                g.setLineWidth(Math.max(1, cell * 0.12));
                g.strokeOval(x + cell * 0.28, y + cell * 0.28, cell * 0.44, cell * 0.44);
            }
        }
        if (cell >= 8) {
            g.setFill(Color.WHITE);
            g.setFont(Font.font("System", FontWeight.BOLD, cell * 0.7));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (int i = 0; i < board.rows() * board.cols(); i++) {
                String label = labelOf(board, i);
                if (!label.isEmpty()) {
                    g.fillText(label, geometry.x(i % board.cols()) + cell / 2, geometry.y(i / board.cols()) + cell / 2);
                }
            }
        }
    }

    /**
     * Draws the faint grid lines of a {@code rows x cols} maze (none when cells are under 6 px). They depend on the
     * shape only, so a view can keep them on a layer of their own.
     */
    public static void drawGridLines(GraphicsContext g, GridGeometry geometry, int rows, int cols, GridTheme theme) {
        if (geometry.cell() >= 6) {
            g.setStroke(theme.gridLine().deriveColor(0, 1, 1, 0.5));
            g.setLineWidth(0.5);
            for (int c = 0; c <= cols; c++) {
                g.strokeLine(geometry.x(c), geometry.y(0), geometry.x(c), geometry.y(rows));
            }
            for (int r = 0; r <= rows; r++) {
                g.strokeLine(geometry.x(0), geometry.y(r), geometry.x(cols), geometry.y(r));
            }
        }
    }
}
