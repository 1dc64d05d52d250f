/**
 * Analysis figures drawn once with JFreeChart (residuals, PCA trajectories, participation ratios, Q-values,
 * accuracy, and a board overlay as a heat map): {@link org.hrmlab.viz.plot.AnalysisCharts} and
 * {@link org.hrmlab.viz.plot.OverlayChart} build a chart from plain data records, and the same chart is shown on
 * screen ({@code ChartViewer}) or exported ({@link org.hrmlab.viz.export.FigureExporter}).
 */
package org.hrmlab.viz.plot;
