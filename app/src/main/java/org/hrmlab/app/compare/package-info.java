/**
 * The Compare screen: two models (HRM beside TRM, or two checkpoints of one run) on one puzzle side by side, each on
 * a worker of its own, under one cursor aligned by ACT segment ({@code AlignedCursor}). {@code CompareViewModel} holds
 * the state and commands (no nodes), one {@code CompareSlot} per side; {@code CompareView} draws them.
 */
package org.hrmlab.app.compare;
