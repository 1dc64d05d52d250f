/**
 * A deterministic, scripted stand-in for the real stepper: a Sudoku being filled with a backtrack, a maze path growing
 * and pruning a dead end, an ARC prediction converging. Used by tests and by the app until the engine is plugged in.
 */
package org.hrmlab.app.engine.fake;
