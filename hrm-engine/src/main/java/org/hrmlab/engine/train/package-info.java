/**
 * Training an HRM with the reference's method (hrm-reference.md §1.6-1.12): the one-step-gradient graph, the ACT
 * trainer with deep supervision and Q-learning of halting, the reference dataset layout and its batch sampling,
 * evaluation, and the training run with checkpoints and resume.
 */
package org.hrmlab.engine.train;
