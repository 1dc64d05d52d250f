/** ARC-AGI-1 and ARC-AGI-2 task files ({@link org.hrmlab.puzzles.arc.ArcLoader}); colours stay plain ints 0-9. */
package org.hrmlab.puzzles.arc;
