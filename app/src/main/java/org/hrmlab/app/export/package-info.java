/**
 * Grid exports: a PNG with its DPI recorded; the board's per-cell overlay at one update (the board PNG, the overlay
 * as an SVG/PDF/PNG figure, its data as CSV and JSON, and {@code manifest.json}); and animations of a run (an animated
 * GIF or a numbered PNG sequence, optionally with the overlay, with {@code manifest.json} and {@code frames.csv} beside
 * them) from the lab's dialog and {@code hrmlab animate}.
 */
package org.hrmlab.app.export;
