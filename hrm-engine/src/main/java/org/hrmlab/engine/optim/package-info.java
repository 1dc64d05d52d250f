/**
 * The reference HRM's optimisers (hrm-reference.md §1.10): Adam-atan2 for the dense parameters, sign SGD for the
 * touched rows of the sparse puzzle-embedding table, the warm-up/cosine learning-rate schedule, and TRM's exponential
 * moving average of the weights.
 */
package org.hrmlab.engine.optim;
