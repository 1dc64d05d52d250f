package org.hrmlab.viz.grid;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.sudoku.SudokuRules;

/** Paints a {@link SudokuBoard}: givens bold, changed cells tinted, conflicts red, backtracks outlined. */
public final class SudokuRenderer {
    private SudokuRenderer() {
    }

    /** The style of cell {@code i}; {@code conflicts} per cell, e.g. from {@link #conflicts}. Pure. */
    public static CellStyle styleOf(SudokuBoard board, boolean[] conflicts, int i, GridTheme theme) {
        int d = board.digit(i);
        boolean given = board.given(i);
        var fill = board.changedAt(i) && !given ? theme.changed() : theme.background();
        if (conflicts[i]) {
            fill = theme.conflict().deriveColor(0, 1, 1, theme.dark() ? 0.35 : 0.18);
        }
        var textColor = conflicts[i] ? theme.conflict() : given ? theme.givenText() : theme.text();
        double opacity = given ? 1.0 : 0.35 + 0.65 * clamp01(board.confidenceAt(i));
        var outline = board.backtrackAt(i) ? theme.backtrack() : null;
        return new CellStyle(fill, d == 0 ? "" : Integer.toString(d), textColor, given, opacity, outline,
                board.changedAt(i) && !given);
    }

    /** @return the cells of the board in a row, column or box conflict (boxes of the standard shape of its size) */
    public static boolean[] conflicts(SudokuBoard board) {
        return SudokuRules.conflicts(SudokuShape.of(board.size()), board.digits()).any();
    }

    /** Draws the board into {@code geometry}: {@link #drawCells} then {@link #drawLines}. Call on the FX thread. */
    public static void draw(GraphicsContext g, GridGeometry geometry, SudokuBoard board, GridTheme theme) {
        drawCells(g, geometry, board, theme);
        drawLines(g, geometry, board.size(), theme);
    }

    /** Draws everything but the grid lines: cell fills, outlines, corner marks and digits. */
    public static void drawCells(GraphicsContext g, GridGeometry geometry, SudokuBoard board, GridTheme theme) {
        int n = board.size();
        boolean[] conflicts = conflicts(board);
        double cell = geometry.cell();
        var regular = Font.font("System", FontWeight.NORMAL, cell * 0.55);
        var bold = Font.font("System", FontWeight.BOLD, cell * 0.58);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < n * n; i++) {
            var style = styleOf(board, conflicts, i, theme);
            double x = geometry.x(i % n);
            double y = geometry.y(i / n);
            g.setFill(style.fill());
            g.fillRect(x, y, cell, cell);
            if (style.outline() != null) {
                g.setStroke(style.outline());
                g.setLineWidth(Math.max(2, cell * 0.07));
                double inset = cell * 0.08;
                g.strokeRoundRect(x + inset, y + inset, cell - 2 * inset, cell - 2 * inset, cell * 0.2, cell * 0.2);
            }
            if (style.cornerMark()) {
                g.setFill(theme.text().deriveColor(0, 1, 1, 0.6));
                g.fillOval(x + cell * 0.78, y + cell * 0.08, cell * 0.13, cell * 0.13);
            }
            if (!style.text().isEmpty()) {
                g.setGlobalAlpha(style.textOpacity());
                g.setFill(style.textColor());
                g.setFont(style.bold() ? bold : regular);
                g.fillText(style.text(), x + cell / 2, y + cell / 2 + 1);
                g.setGlobalAlpha(1);
            }
        }
    }

    /**
     * Draws the cell and box lines of an {@code n x n} board (boxes of {@link SudokuShape#of(int)}: 2x3 on a 6x6);
     * they depend on the size only.
     */
    public static void drawLines(GraphicsContext g, GridGeometry geometry, int n, GridTheme theme) {
        var shape = SudokuShape.of(n);
        for (int k = 0; k <= n; k++) {
            boolean major = k % shape.boxCols() == 0;
            line(g, theme, major);
            double off = major ? 0 : 0.5;
            g.strokeLine(geometry.x(k) + off, geometry.y(0), geometry.x(k) + off, geometry.y(n));
        }
        for (int k = 0; k <= n; k++) {
            boolean major = k % shape.boxRows() == 0;
            line(g, theme, major);
            double off = major ? 0 : 0.5;
            g.strokeLine(geometry.x(0), geometry.y(k) + off, geometry.x(n), geometry.y(k) + off);
        }
    }

    private static void line(GraphicsContext g, GridTheme theme, boolean major) {
        g.setStroke(major ? theme.boxLine() : theme.gridLine());
        g.setLineWidth(major ? 2 : 1);
    }

    static double clamp01(double v) {
        return Double.isNaN(v) ? 1 : Math.max(0, Math.min(1, v));
    }
}
