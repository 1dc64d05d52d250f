package org.hrmlab.viz.grid;

import javafx.scene.paint.Color;

/** The colours grid renderers use, one instance per UI theme. */
public record GridTheme(
        Color background, Color cell, Color gridLine, Color boxLine, Color text, Color givenText,
        Color changed, Color conflict, Color backtrack, Color wall, Color open, Color path, Color start, Color goal,
        Color removed, Color diff, boolean dark) {

    /** Matches AtlantaFX Primer Light. */
    public static final GridTheme LIGHT = new GridTheme(
            Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#d0d7de"), Color.web("#57606a"),
            Color.web("#0969da"), Color.web("#1f2328"), Color.web("#fff8c5"), Color.web("#cf222e"),
            Color.web("#8250df"), Color.web("#24292f"), Color.web("#f6f8fa"), Color.web("#2f81f7"),
            Color.web("#1a7f37"), Color.web("#bf3989"), Color.web("#fb8f44"), Color.web("#cf222e"), false);

    /** Matches AtlantaFX Primer Dark. */
    public static final GridTheme DARK = new GridTheme(
            Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"), Color.web("#8b949e"),
            Color.web("#58a6ff"), Color.web("#e6edf3"), Color.web("#3b2e00"), Color.web("#f85149"),
            Color.web("#bc8cff"), Color.web("#484f58"), Color.web("#161b22"), Color.web("#388bfd"),
            Color.web("#3fb950"), Color.web("#db61a2"), Color.web("#f0883e"), Color.web("#f85149"), true);
}
