/**
 * The app-side puzzle model (kind, grid, givens, answer), the bundled demo puzzles, the puzzle editor and the
 * dataset browser. An adapter fills {@link org.hrmlab.app.puzzle.LabPuzzle} from the puzzle layer.
 */
package org.hrmlab.app.puzzle;
