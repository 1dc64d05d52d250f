/**
 * Glue between the engine's trace analysis and the figure views: converts analysis results to chart data, exports
 * figures, data and manifests, and defines where traces come from ({@link org.hrmlab.app.analysis.TraceSource}).
 */
package org.hrmlab.app.analysis;
