/**
 * Analysis of recorded HRM traces (see docs/analysis.md): forward residuals, participation ratio, PCA trajectories,
 * per-step decoded accuracy and Q-values. Everything works from trace directories on disk, streams states one step at
 * a time, and computes in float64 (covariance, Gram and eigen problems through ND4J/LAPACK).
 */
package org.hrmlab.engine.analysis;
