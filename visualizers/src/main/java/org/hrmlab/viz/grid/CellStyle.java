package org.hrmlab.viz.grid;

import javafx.scene.paint.Color;

/**
 * How one cell is painted: fill, optional text (with weight and opacity) and overlay marks.
 *
 * @param outline a border drawn inside the cell, or null for none
 */
public record CellStyle(Color fill, String text, Color textColor, boolean bold, double textOpacity, Color outline,
                        boolean cornerMark) {
}
