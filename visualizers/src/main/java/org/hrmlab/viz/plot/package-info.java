/**
 * Analysis figures drawn once with JFreeChart (residuals, PCA trajectories, participation ratios, Q-values,
 * accuracy): {@link org.hrmlab.viz.plot.AnalysisCharts} builds a chart from plain data records, and the same chart
 * is shown on screen ({@code ChartViewer}) and exported ({@link org.hrmlab.viz.export.FigureExporter}).
 */
package org.hrmlab.viz.plot;
