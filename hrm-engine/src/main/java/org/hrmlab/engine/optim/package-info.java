/**
 * The reference HRM's optimisers (hrm-reference.md §1.10): Adam-atan2 for the dense parameters, sign SGD for the
 * touched rows of the sparse puzzle-embedding table, and the warm-up/cosine learning-rate schedule.
 */
package org.hrmlab.engine.optim;
