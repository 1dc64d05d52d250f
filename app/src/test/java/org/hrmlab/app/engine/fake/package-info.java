/**
 * A deterministic, scripted stand-in for the real stepper, for tests only: a Sudoku being filled with a backtrack, a
 * maze path growing and pruning a dead end, an ARC prediction converging. The lab itself runs only real models.
 */
package org.hrmlab.app.engine.fake;
