/**
 * The reference HRM's training losses (hrm-reference.md §1.9): stablemax and softmax cross-entropy over tokens with
 * ignored labels, binary cross-entropy on the Q logits, and the ACT loss head that combines them with their gradients.
 */
package org.hrmlab.engine.loss;
