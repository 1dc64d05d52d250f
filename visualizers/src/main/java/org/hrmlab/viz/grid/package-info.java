/**
 * Canvas renderers for puzzle grids (Sudoku, maze, ARC), per-cell heat overlays on them ({@link
 * org.hrmlab.viz.grid.HeatOverlayRenderer}) and hidden-state heat maps.
 *
 * <p>Each renderer splits into pure functions (geometry, per-cell colours and marks, tested without a toolkit) and a
 * thin {@code draw(GraphicsContext, ...)} that paints them. Inputs are small immutable records of plain arrays, so the
 * renderers know nothing about the engine or the app.
 */
package org.hrmlab.viz.grid;
