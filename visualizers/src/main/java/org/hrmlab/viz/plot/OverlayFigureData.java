package org.hrmlab.viz.plot;

import java.util.Arrays;
import java.util.Objects;

import org.hrmlab.viz.grid.HeatOverlay;

/**
 * A board overlay as a figure: the per-cell values and the text of each cell (a Sudoku digit, a maze's walls, S, G and
 * path, an ARC colour), so that the vector figure can be read without the board beneath.
 *
 * @param overlay the values and their scale
 * @param labels {@code [rows·cols]} the text drawn in each cell ("" for none); empty for no text at all
 * @param title the figure's title
 * @param subtitle the settings (model, puzzle, update, scale)
 */
public record OverlayFigureData(HeatOverlay overlay, String[] labels, String title, String subtitle) {
    public OverlayFigureData {
        Objects.requireNonNull(overlay, "overlay");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        if (labels.length != 0 && labels.length != overlay.rows() * overlay.cols()) {
            throw new IllegalArgumentException(labels.length + " labels for " + overlay.rows() * overlay.cols()
                    + " cells");
        }
        labels = labels.clone();
    }

    @Override
    public String[] labels() {
        return labels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OverlayFigureData d && overlay.equals(d.overlay) && Arrays.equals(labels, d.labels)
                && title.equals(d.title) && subtitle.equals(d.subtitle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(overlay, title, subtitle, Arrays.hashCode(labels));
    }
}
