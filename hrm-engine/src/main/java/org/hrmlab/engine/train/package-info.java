/**
 * Training an HRM or a TRM with its reference's method (hrm-reference.md §1.6-1.12, §6.1): the differentiable part of
 * a segment (the HRM's one-step gradient, TRM's whole last recursion) with hand-written backward passes and their
 * SameDiff graph, the ACT trainer with deep supervision and Q-learning of halting, the reference dataset layout and its
 * batch sampling, evaluation, and the training run with checkpoints and resume.
 */
package org.hrmlab.engine.train;
